import Foundation

/// When a feed the daemon has not fetched before is first due.
///
/// Spread at random over the first minute (or the feed's interval, when shorter), so a new
/// feeds.txt of hundreds of feeds does not hit the network in one burst and, since each feed
/// keeps its phase afterwards, does not stay bunched up for the daemon's whole life.
enum InitialDue {
    /// `unit` is a random number in 0..<1 (a parameter so tests can pin it).
    static func at(now: Date, interval: TimeInterval, spread: TimeInterval,
                   unit: Double = Double.random(in: 0..<1)) -> Date {
        now.addingTimeInterval(max(0, min(spread, interval)) * unit)
    }
}
