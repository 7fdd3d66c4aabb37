import TidingsModel

/// What a sync did, for the summary line and the exit status.
public struct SyncReport: Sendable {
    public var feeds = 0
    public var feedsOK = 0
    public var notModified = 0
    /// Feeds not fetched because the server asked to wait (Retry-After).
    public var deferred = 0
    /// Feeds whose permanent redirect was written into feeds.txt (`--rewrite-moved`).
    public var rewritten = 0
    public var delivered = 0
    /// Articles recorded without delivery (`--catch-up`).
    public var caughtUp = 0
    /// Deliveries finished after an interrupted earlier sync.
    public var recovered = 0
    public var failures: [TidingsError] = []
    public var warnings: [TidingsError] = []
    /// What the static site update did (`sync --static DIR`), one line for the user.
    public var staticSite: String?

    public init() {}

    public var failed: Int { feeds - feedsOK - deferred }

    public var summary: String {
        var parts = ["\(feedsOK) of \(feeds) feeds ok"]
        if failed > 0 { parts.append("\(failed) failed") }
        if notModified > 0 { parts.append("\(notModified) unchanged") }
        if deferred > 0 { parts.append("\(deferred) deferred (server asked to wait)") }
        parts.append(caughtUp > 0 && delivered == 0
            ? "\(caughtUp) articles marked as seen"
            : "\(delivered) new article\(delivered == 1 ? "" : "s") delivered")
        if rewritten > 0 { parts.append("\(rewritten) moved feed\(rewritten == 1 ? "" : "s") updated in feeds.txt") }
        if recovered > 0 { parts.append("\(recovered) interrupted deliveries completed") }
        return parts.joined(separator: ", ")
    }
}
