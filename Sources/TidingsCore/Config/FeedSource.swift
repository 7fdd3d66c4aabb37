import TidingsModel
import Foundation

/// One subscription from `feeds.txt`: where to fetch it, how the user labels it, and
/// where it was declared (so every later error can cite the line).
public struct FeedSource: Sendable, Equatable {
    /// What the user wrote: an `http(s)://` or `file://` URL, or a path.
    public var url: String
    /// The URL to fetch: as written, or for a path, the absolute path (relative paths
    /// are relative to the directory holding `feeds.txt`).
    public var location: String
    public var tags: [String]
    /// `~Title` (newsboat) or `title=`: replaces the feed's own title.
    public var title: String?
    /// `every=`: the polling interval for the daemon, in seconds.
    public var every: TimeInterval?
    /// `folder=`: deliver into this Maildir++ subfolder instead of the maildir itself.
    public var folder: String?
    /// `tls-verify=no`: accept any TLS certificate for this feed (logged loudly on every sync).
    public var verifyTLS: Bool = true
    /// The file and 1-based line the feed was declared on.
    public var file: String
    public var line: Int

    public init(
        url: String, location: String? = nil, tags: [String] = [], title: String? = nil,
        every: TimeInterval? = nil, folder: String? = nil, file: String = "feeds.txt", line: Int = 0
    ) {
        self.url = url
        self.location = location ?? url
        self.tags = tags
        self.title = title
        self.every = every
        self.folder = folder
        self.file = file
        self.line = line
    }

    /// An error about this feed, citing its line.
    public func error(_ stage: Stage, _ message: String) -> TidingsError {
        TidingsError(stage: stage, message: message, feed: url, file: file, line: line)
    }
}
