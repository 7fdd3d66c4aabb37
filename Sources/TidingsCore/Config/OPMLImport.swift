import Foundation
import TidingsModel

/// `tidings opml import`: adds an OPML file's feeds to feeds.txt — new feeds only (one
/// already listed, by URL, is skipped), appended at the end so comments and order stay.
public enum OPMLImport {
    public struct Outcome: Sendable, Equatable {
        public var added: [FeedListEditor.Entry] = []
        public var skipped: [String] = []
    }

    public static func run(opml: String, feedsPath: String) throws(TidingsError) -> Outcome {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: opml))
        } catch {
            throw TidingsError(stage: .config, message: "cannot read it: \(error.localizedDescription)", file: opml)
        }
        let feeds = try OPMLReader.read(data, file: opml)
        var known = try FeedListEditor.knownURLs(feedsPath)
        var outcome = Outcome()
        for feed in feeds {
            guard known.insert(FeedListEditor.normalized(feed.url)).inserted else {
                outcome.skipped.append(feed.url)
                continue
            }
            outcome.added.append(FeedListEditor.Entry(url: feed.url, tags: feed.tags, title: feed.title))
        }
        try FeedListEditor.append(outcome.added, to: feedsPath, comment: "imported from \((opml as NSString).lastPathComponent)")
        return outcome
    }
}
