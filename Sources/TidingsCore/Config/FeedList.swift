import TidingsModel
import Foundation

/// The subscriptions in a `feeds.txt` file.
///
/// The format is a superset of newsboat's `urls` file, so a newsboat user can point
/// Tidings at their file unchanged:
///
///     # comment
///     https://example.org/feed.xml  tech "open source" "~Example Blog"
///     https://example.com/atom      title="Example" every=2h folder=News
///     ./examples/sample.xml         local
///
/// One feed a line: the URL (or a path, relative to this file), then tags (quoted
/// when they hold spaces), newsboat's `"~Title"`, and Tidings' own `key=value`
/// options (`title=`, `every=`, `folder=`). newsboat's `"query:…"` lines and hidden
/// `!tags` are accepted and ignored with a warning.
public struct FeedList: Sendable, Equatable {
    public var feeds: [FeedSource]
    /// Lines that were read but partly ignored (query feeds, `!` tags, duplicates).
    public var warnings: [TidingsError]

    public init(feeds: [FeedSource] = [], warnings: [TidingsError] = []) {
        self.feeds = feeds
        self.warnings = warnings
    }

    /// All problems of a file at once, so the user can fix them in one go.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var errors: [TidingsError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    /// Reads and parses a file; a file that can't be read is one error naming it.
    public static func load(path: String) throws(Invalid) -> FeedList {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "cannot read it"
            let exists = FileManager.default.fileExists(atPath: path)
            let hint = exists ? reason : "no such file; create it with one feed URL a line, or pass --feeds FILE"
            throw Invalid(errors: [TidingsError(stage: .config, message: hint, file: path)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Invalid(errors: [TidingsError(stage: .config, message: "not UTF-8 text; save it as UTF-8", file: path)])
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(text, file: path, baseDirectory: directory.isEmpty ? "." : directory)
    }

    public static func parse(_ text: String, file: String = "feeds.txt", baseDirectory: String = ".") throws(Invalid) -> FeedList {
        var list = FeedList()
        var errors: [TidingsError] = []
        var seen: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let parser = FeedListLine(file: file, line: lineNumber, baseDirectory: baseDirectory)
            switch parser.parse(rawLine) {
            case .empty:
                continue
            case .ignored(let warning):
                list.warnings.append(warning)
            case .failure(let error):
                errors.append(error)
            case .feed(let feed, let warnings):
                list.warnings += warnings
                if let first = seen[feed.location] {
                    list.feeds[first].tags += feed.tags.filter { !list.feeds[first].tags.contains($0) }
                    list.warnings.append(feed.error(.config, "the same feed as line \(list.feeds[first].line); tags merged, this line otherwise ignored"))
                    continue
                }
                seen[feed.location] = list.feeds.count
                list.feeds.append(feed)
            }
        }
        if !errors.isEmpty { throw Invalid(errors: errors) }
        return list
    }
}
