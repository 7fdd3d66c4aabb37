import Foundation

/// RSS 2.0 `<skipHours>` and `<skipDays>`: times (UTC) in which the publisher asks aggregators
/// not to fetch. Stored with the feed as `h:1,2,3;d:0,6` so the 304s in between keep it.
public struct SkipTimes: Sendable, Equatable {
    public var hours: Set<Int>
    public var days: Set<Int>

    public init(hours: Set<Int> = [], days: Set<Int> = []) {
        self.hours = hours.filter { (0...23).contains($0) }
        self.days = days.filter { (0...6).contains($0) }
    }

    public var isEmpty: Bool { hours.isEmpty && days.isEmpty }

    /// `date`, or the start of the first later hour that is not skipped. A feed that skips
    /// every hour (a broken feed) is fetched at `date` anyway.
    public func firstAllowed(atOrAfter date: Date) -> Date {
        guard !isEmpty else { return date }
        var candidate = date
        for _ in 0..<(8 * 24) {
            let t = CivilTime(candidate)
            if !hours.contains(Int(t.hour)) && !days.contains(Int(t.weekday)) { return candidate }
            let hourStart = floor(candidate.timeIntervalSince1970 / 3600) * 3600
            candidate = Date(timeIntervalSince1970: hourStart + 3600)
        }
        return date
    }

    /// `h:1,2,3;d:0,6`; nil when nothing is skipped.
    public var stored: String? {
        guard !isEmpty else { return nil }
        return "h:" + hours.sorted().map(String.init).joined(separator: ",")
            + ";d:" + days.sorted().map(String.init).joined(separator: ",")
    }

    public init(stored: String?) {
        var hours = Set<Int>(), days = Set<Int>()
        for part in (stored ?? "").split(separator: ";") {
            let values = part.dropFirst(2).split(separator: ",").compactMap { Int($0) }
            if part.hasPrefix("h:") { hours.formUnion(values) }
            if part.hasPrefix("d:") { days.formUnion(values) }
        }
        self.init(hours: hours, days: days)
    }
}
