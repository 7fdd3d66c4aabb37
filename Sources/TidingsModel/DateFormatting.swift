import Foundation

extension Date {
    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC, the form `tidings parse` and the status output print.
    public var iso8601UTC: String {
        let t = CivilTime(self)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let y = String(t.year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - y.count)) + y
        return "\(paddedYear)-\(two(t.month))-\(two(t.day))T\(two(t.hour)):\(two(t.minute)):\(two(t.second))Z"
    }
}
