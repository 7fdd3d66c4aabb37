import Foundation

/// The one place that decides when a feed is fetched next.
///
/// - After a success: the feed's interval (`every=`, else the default), raised by what the
///   server asks for (`Cache-Control: max-age`, `Expires`) and what the feed says (`<ttl>`,
///   `sy:updatePeriod`), never lowered by them.
/// - After a failure: exponential backoff from the interval — 1×, 2×, 4×, … — capped at
///   `maxBackoff` (but never below the interval itself), and never before a `Retry-After`.
/// - With `jitter` (the daemon uses 0.1), the delay is stretched by a random 0…jitter of
///   itself, so feeds fetched in one pass drift apart instead of firing together forever.
///
/// TODO: `skipHours`/`skipDays` (needs the parser to report them) and adaptive polling (an
/// interval learned from how often the feed really changes) belong here too.
public struct NextCheckPolicy: Sendable, Equatable {
    public var defaultInterval: TimeInterval
    public var maxBackoff: TimeInterval
    /// The largest random stretch of a delay, as a fraction of it (0: none, as for `sync`).
    public var jitter: Double

    public init(defaultInterval: TimeInterval = 3600, maxBackoff: TimeInterval = 24 * 3600, jitter: Double = 0) {
        self.defaultInterval = defaultInterval
        self.maxBackoff = maxBackoff
        self.jitter = jitter
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
        if jitter > 0 { delay = Self.jittered(delay, fraction: jitter, unit: Double.random(in: 0..<1)) }
        var next = now.addingTimeInterval(delay)
        if let retryAfter = hints.retryAfter, retryAfter > next { next = retryAfter }
        return next
    }
}

extension NextCheckPolicy {
    /// `delay` stretched by `unit × fraction` of itself; `unit` is a random number in 0..<1.
    /// Only ever later: jitter must not make us poll a server more often than it asked.
    public static func jittered(_ delay: TimeInterval, fraction: Double, unit: Double) -> TimeInterval {
        delay + delay * max(0, fraction) * min(max(unit, 0), 1)
    }
}
