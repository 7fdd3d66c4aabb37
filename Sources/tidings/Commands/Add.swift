import ArgumentParser
import Foundation
import TidingsCore

extension Tidings {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Subscribe to a feed, or find the feeds of a web page.",
            discussion: """
                When URL is a web page, its <link rel="alternate"> feeds are listed (else the usual \
                paths like /feed and /rss.xml are tried). One feed is added as is; with several, \
                choose with --pick N (or answer the prompt on a terminal).
                """
        )

        @Argument(help: "A feed URL or a web page.")
        var url: String

        @Argument(help: "Tags for the feed.")
        var tags: [String] = []

        @Option(name: .long, help: ArgumentHelp("The feeds file (created if missing).", valueName: "file"))
        var feeds: String = Paths.defaultFeeds()

        @Option(name: .long, help: "Which of the feeds found to add (1 is the first listed).")
        var pick: Int?

        @Option(name: .long, help: "A title for the feed (\"~Title\" in the feeds file).")
        var title: String?

        func run() throws {
            let candidates: [FeedDiscovery.Candidate]
            do {
                candidates = try FeedDiscovery().discover(url)
            } catch {
                printError("tidings: \(error.message)")
                throw ExitCode(1)
            }
            guard !candidates.isEmpty else {
                printError("tidings: no feed found at \(url) (no <link rel=\"alternate\"> and none of /feed, /rss.xml, /atom.xml, /index.xml)")
                throw ExitCode(1)
            }
            if candidates.count > 1 || pick != nil {
                for (index, candidate) in candidates.enumerated() {
                    print("\(index + 1). \(candidate.url)" + (candidate.title.map { "  (\($0))" } ?? ""))
                }
            }
            let chosen: FeedDiscovery.Candidate
            if let pick {
                guard candidates.indices.contains(pick - 1) else { throw ValidationError("--pick \(pick): choose 1 to \(candidates.count)") }
                chosen = candidates[pick - 1]
            } else if candidates.count == 1 {
                chosen = candidates[0]
            } else if isatty(STDIN_FILENO) != 0 {
                print("Add which one? [1-\(candidates.count)] ", terminator: "")
                guard let answer = readLine().flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                      candidates.indices.contains(answer - 1) else { throw ExitCode(2) }
                chosen = candidates[answer - 1]
            } else {
                printError("tidings: \(candidates.count) feeds found; choose one with --pick N")
                throw ExitCode(2)
            }
            do {
                if try FeedListEditor.contains(chosen.url, in: feeds) {
                    print("\(feeds): already subscribed to \(chosen.url)")
                    return
                }
                try FeedListEditor.append([FeedListEditor.Entry(url: chosen.url, tags: tags, title: title)], to: feeds)
                print("\(feeds): added \(chosen.url)" + (chosen.title.map { " (\($0))" } ?? ""))
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
        }
    }
}
