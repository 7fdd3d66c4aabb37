import Foundation

/// How often a feed publishes, read from its entries' dates: the mean gap between its ten
/// newest entries. Feeds that publish in bursts or carry one date for everything give no
/// usable answer (nil), and the adaptive schedule then keeps the plain interval.
public enum PostingRate {
    public static func typicalGap(_ dates: [Date]) -> TimeInterval? {
        let newest = dates.sorted(by: >).prefix(10)
        guard newest.count >= 3, let first = newest.first, let last = newest.last else { return nil }
        let gap = first.timeIntervalSince(last) / Double(newest.count - 1)
        return gap > 0 ? gap : nil
    }
}
