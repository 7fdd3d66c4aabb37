import ArgumentParser
import TidingsCore

extension Tidings {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a feeds file without fetching anything.",
            discussion: "Lists every problem as file:line: message. Exit status 0 when the file is valid, 2 when not."
        )

        @Option(name: .long, help: ArgumentHelp("The feeds file.", valueName: "file"))
        var feeds: String = Paths.defaultFeeds()

        func run() throws {
            do {
                let list = try FeedList.load(path: feeds)
                for warning in list.warnings { printError("warning: \(warning)") }
                print("\(feeds): \(list.feeds.count) feed\(list.feeds.count == 1 ? "" : "s"), no errors")
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
        }
    }
}
