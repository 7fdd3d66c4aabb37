import ArgumentParser
import Foundation
import TidingsCore
import TidingsParse

extension Tidings {
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse one feed and print it as JSON.",
            discussion: """
                Prints {"format", "title", "link", "description", "language", "updated", "entries": [...]}; \
                missing values are null, dates UTC. Exit status 0 when a feed was read (also after \
                recovering from errors, listed in "warnings"), 1 when the input is not a feed or cannot be read.
                """
        )

        @Argument(help: ArgumentHelp("A file path, file:// or http(s):// URL.", valueName: "file-or-url"))
        var location: String

        @Option(name: .long, help: ArgumentHelp("Resolve relative links against this URL.", valueName: "url"))
        var baseURL: String?

        func run() throws {
            do {
                let feed = try FeedDocument.parse(location, baseURL: baseURL)
                FileHandle.standardOutput.write(Data(feed.jsonData() + [0x0A]))
            } catch {
                printError("tidings: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
