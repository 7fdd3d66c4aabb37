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
/// - With `adaptive` bounds (the daemon's `--adaptive MIN-MAX`), a feed without its own
///   `every=` is polled at half its typical gap between posts, kept within the bounds: a feed
///   that posts hourly is checked every 30 minutes, one that posts weekly twice a day at most.
///
/// - RSS `<skipHours>`/`<skipDays>` (UTC, as RSS 2.0 defines them) move a due time that
///   falls inside them to the first hour outside.
public struct NextCheckPolicy: Sendable, Equatable {
    public var defaultInterval: TimeInterval
    public var maxBackoff: TimeInterval
    /// The largest random stretch of a delay, as a fraction of it (0: none, as for `sync`).
    public var jitter: Double
    /// Bounds of the adaptive interval; nil: the plain interval.
    public var adaptive: ClosedRange<TimeInterval>?

    public init(defaultInterval: TimeInterval = 3600, maxBackoff: TimeInterval = 24 * 3600, jitter: Double = 0,
                adaptive: ClosedRange<TimeInterval>? = nil) {
        self.defaultInterval = defaultInterval
        self.maxBackoff = maxBackoff
        self.jitter = jitter
        self.adaptive = adaptive
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
        /// The feed's typical gap between posts (`PostingRate`), for the adaptive interval.
        public var postingGap: TimeInterval?
        /// RSS `<skipHours>` (0–23, UTC) and `<skipDays>` (0 = Sunday).
        public var skip = SkipTimes()

        public init(interval: TimeInterval? = nil, cacheMaxAge: TimeInterval? = nil, feedTTL: TimeInterval? = nil,
                    retryAfter: Date? = nil, postingGap: TimeInterval? = nil) {
            self.interval = interval
            self.cacheMaxAge = cacheMaxAge
            self.feedTTL = feedTTL
            self.retryAfter = retryAfter
            self.postingGap = postingGap
        }
    }

    /// `consecutiveFailures` counts the failure just recorded (0 after a success).
    public func nextCheck(now: Date, hints: Hints, consecutiveFailures: Int) -> Date {
        let base = self.base(hints)
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
        return hints.skip.firstAllowed(atOrAfter: next)
    }
}

extension NextCheckPolicy {
    /// The interval before hints that can only lengthen it: `every=`, else adaptive, else the default.
    func base(_ hints: Hints) -> TimeInterval {
        if let interval = hints.interval { return interval }
        if let bounds = adaptive, let gap = hints.postingGap {
            return min(max(gap / 2, bounds.lowerBound), bounds.upperBound)
        }
        return defaultInterval
    }

    /// `delay` stretched by `unit × fraction` of itself; `unit` is a random number in 0..<1.
    /// Only ever later: jitter must not make us poll a server more often than it asked.
    public static func jittered(_ delay: TimeInterval, fraction: Double, unit: Double) -> TimeInterval {
        delay + delay * max(0, fraction) * min(max(unit, 0), 1)
    }
}
