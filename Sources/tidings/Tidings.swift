import ArgumentParser
import TidingsCore

@main
struct Tidings: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetches your feeds and delivers each new article exactly once, into a maildir.",
        discussion: """
            Feeds are listed in feeds.txt, one a line: URL, then optional tags, "~Title" and \
            key=value options (title=, every=, folder=). A newsboat urls file works as it is.
            """,
        version: TidingsVersion.version,
        subcommands: [Sync.self, Run.self, Parse.self, Check.self, Status.self, Opml.self, Add.self, Remove.self]
    )
}
