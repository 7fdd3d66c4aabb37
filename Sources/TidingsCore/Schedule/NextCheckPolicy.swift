import Foundation

/// The one place that decides when a feed is fetched next.
///
/// - After a success: the feed's interval (`every=`, else the default), raised by what the
///   server asks for (`Cache-Control: max-age`, `Expires`) and what the feed says (`<ttl>`,
///   `sy:updatePeriod`), never lowered by them.
/// - After a failure: exponential backoff from the interval — 1×, 2×, 4×, … — capped at
///   `maxBackoff` (but never below the interval itself), and never before a `Retry-After`.
public struct NextCheckPolicy: Sendable, Equatable {
    public var defaultInterval: TimeInterval
    public var maxBackoff: TimeInterval

    public init(defaultInterval: TimeInterval = 3600, maxBackoff: TimeInterval = 24 * 3600) {
        self.defaultInterval = defaultInterval
        self.maxBackoff = maxBackoff
    }

    public struct Hints: Sendable, Equatable {
        /// `every=` from feeds.txt.
        public var interval: TimeInterval?
        /// HTTP `Cache-Control: max-age` / `Expires`.
        public var cacheMaxAge: TimeInterval?
        /// The feed's own `<ttl>` / `sy:updatePeriod`.
        public var feedTTL: TimeInterval?
        /// HTTP `Retry-After` (429, 503).
        public var retryAfter: Date?

        public init(interval: TimeInterval? = nil, cacheMaxAge: TimeInterval? = nil, feedTTL: TimeInterval? = nil, retryAfter: Date? = nil) {
            self.interval = interval
            self.cacheMaxAge = cacheMaxAge
            self.feedTTL = feedTTL
            self.retryAfter = retryAfter
        }
    }

    /// `consecutiveFailures` counts the failure just recorded (0 after a success).
    public func nextCheck(now: Date, hints: Hints, consecutiveFailures: Int) -> Date {
        let base = hints.interval ?? defaultInterval
        var delay: TimeInterval
        if consecutiveFailures == 0 {
            delay = max(base, hints.cacheMaxAge ?? 0, hints.feedTTL ?? 0)
        } else {
            let factor = pow(2.0, Double(min(consecutiveFailures - 1, 30)))
            delay = min(base * factor, max(maxBackoff, base))
        }
        var next = now.addingTimeInterval(delay)
        if let retryAfter = hints.retryAfter, retryAfter > next { next = retryAfter }
        return next
    }
}
