import TidingsModel

/// What a sync did, for the summary line and the exit status.
public struct SyncReport: Sendable {
    public var feeds = 0
    public var feedsOK = 0
    public var notModified = 0
    public var delivered = 0
    /// Articles recorded without delivery (`--catch-up`).
    public var caughtUp = 0
    /// Deliveries finished after an interrupted earlier sync.
    public var recovered = 0
    public var failures: [TidingsError] = []
    public var warnings: [TidingsError] = []

    public init() {}

    public var failed: Int { feeds - feedsOK }

    public var summary: String {
        var parts = ["\(feedsOK) of \(feeds) feeds ok"]
        if failed > 0 { parts.append("\(failed) failed") }
        if notModified > 0 { parts.append("\(notModified) unchanged") }
        parts.append(caughtUp > 0 && delivered == 0
            ? "\(caughtUp) articles marked as seen"
            : "\(delivered) new article\(delivered == 1 ? "" : "s") delivered")
        if recovered > 0 { parts.append("\(recovered) interrupted deliveries completed") }
        return parts.joined(separator: ", ")
    }
}
