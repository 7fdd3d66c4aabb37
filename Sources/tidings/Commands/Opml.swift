import ArgumentParser
import Foundation
import TidingsCore

extension Tidings {
    struct Opml: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "opml",
            abstract: "Move subscriptions in and out as OPML.",
            subcommands: [Import.self, Export.self]
        )

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add an OPML file's feeds to the feeds file.",
                discussion: """
                    Folders become tags, titles become "~Title". Feeds already in the file are skipped; \
                    new ones are appended, so comments and order stay as they were.
                    """
            )

            @Argument(help: ArgumentHelp("The OPML file.", valueName: "file"))
            var file: String

            @Option(name: .long, help: ArgumentHelp("The feeds file (created if missing).", valueName: "file"))
            var feeds: String = Paths.defaultFeeds()

            func run() throws {
                do {
                    let outcome = try OPMLImport.run(opml: file, feedsPath: feeds)
                    print("\(feeds): \(outcome.added.count) feed\(outcome.added.count == 1 ? "" : "s") added, "
                        + "\(outcome.skipped.count) already there")
                } catch {
                    printError(error.description)
                    throw ExitCode(2)
                }
            }
        }

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print the feeds file as OPML 2.0.")

            @Option(name: .long, help: ArgumentHelp("The feeds file.", valueName: "file"))
            var feeds: String = Paths.defaultFeeds()

            func run() throws {
                do {
                    print(OPMLExport.render(try FeedList.load(path: feeds)), terminator: "")
                } catch {
                    printError(error.description)
                    throw ExitCode(2)
                }
            }
        }
    }
}
