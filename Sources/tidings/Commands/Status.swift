import ArgumentParser
import TidingsCore

extension Tidings {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every feed's health: last fetch, HTTP status, last error, entries, next due time.",
            discussion: "Failing feeds come first."
        )

        @Option(name: .long, help: ArgumentHelp("The state directory.", valueName: "dir"))
        var state: String = Paths.defaultState()

        @Flag(name: .long, help: "Print JSON (with per-fetch timings) instead of text.")
        var json = false

        func run() throws {
            do {
                let rows = try FeedStatus.load(stateDirectory: state)
                print(json ? FeedStatus.json(rows) : FeedStatus.text(rows), terminator: json ? "\n" : "")
            } catch {
                printError("tidings: \(error)")
                throw ExitCode(2)
            }
        }
    }
}
