import ArgumentParser
import Logging
import TidingsCore

/// Flags every command that reads the configuration or the state shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The feeds file.", valueName: "file"))
    var feeds: String = Paths.defaultFeeds()

    @Option(name: .long, help: ArgumentHelp("The state directory (SQLite database and lock).", valueName: "dir"))
    var state: String = Paths.defaultState()

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    @Flag(name: .shortAndLong, help: "Log more (same as --log-level debug).")
    var verbose = false

    func makeLogger() -> Logger {
        let level = verbose ? .debug : logLevel
        LogSetup.bootstrap(level: level)
        var logger = Logger(label: "tidings")
        logger.logLevel = level
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
