import Foundation

/// What `tidings run` does: the sync settings for each pass, plus the daemon's own.
public struct DaemonOptions: Sendable {
    /// Paths, limits and politeness for each pass (its `policy` is set from the fields below).
    public var sync: SyncOptions
    /// The polling interval of feeds without `every=` (`--every`).
    public var every: TimeInterval
    /// Largest random stretch of a feed's next delay, as a fraction of it.
    public var jitter: Double = 0.1
    /// `--adaptive MIN-MAX`: poll feeds without `every=` at half their typical gap between
    /// posts, within these bounds; nil: every feed at its plain interval.
    public var adaptive: ClosedRange<TimeInterval>?
    /// Never-fetched feeds are first due at random within this long (or their interval, if shorter).
    public var initialSpread: TimeInterval = 60
    /// Tell the user once a feed has failed this long (`--notify-after`); nil: never.
    public var notifyAfter: TimeInterval? = 24 * 3600
    /// On SIGTERM, how long the pass in flight may take to finish before the daemon exits anyway.
    public var stopTimeout: TimeInterval = 20
    /// Where `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` are read from.
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init(sync: SyncOptions, every: TimeInterval) {
        self.sync = sync
        self.every = every
    }

    /// The options of one pass: the daemon's interval as the default, jittered, never a
    /// progress line (nobody watches a daemon's stderr live).
    var passOptions: SyncOptions {
        var options = sync
        options.progress = false
        options.policy = NextCheckPolicy(defaultInterval: every, maxBackoff: max(24 * 3600, every), jitter: jitter,
                                         adaptive: adaptive)
        return options
    }

    func interval(of feed: FeedSource) -> TimeInterval { feed.every ?? every }
}
