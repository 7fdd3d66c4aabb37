import ArgumentParser
import TidingsCore

extension Tidings {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Unsubscribe: remove a feed's line from the feeds file, by URL or by title.",
            discussion: "Other lines and comments stay as they are. The feed's history stays in the state database."
        )

        @Argument(help: "The feed's URL as written in the feeds file, or its title.")
        var feed: String

        @Option(name: .long, help: ArgumentHelp("The feeds file.", valueName: "file"))
        var feeds: String = Paths.defaultFeeds()

        func run() throws {
            do {
                let removed = try FeedListEditor.remove(feed, from: feeds)
                guard !removed.isEmpty else {
                    printError("tidings: no feed \(feed) in \(feeds)")
                    throw ExitCode(1)
                }
                for source in removed { print("\(feeds):\(source.line): removed \(source.url)") }
            } catch let error as TidingsError {
                printError(error.description)
                throw ExitCode(2)
            }
        }
    }
}
