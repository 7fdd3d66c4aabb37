import Foundation

extension Date {
    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC, the form `tidings parse` and the status output print.
    public var iso8601UTC: String {
        let seconds = Int64(floor(timeIntervalSince1970))
        var days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secsOfDay = seconds - days * 86400
        // Civil-from-days (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var year = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        if month <= 2 { year += 1 }
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let y = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - y.count)) + y
        return "\(paddedYear)-\(two(month))-\(two(day))T\(two(secsOfDay / 3600)):\(two(secsOfDay / 60 % 60)):\(two(secsOfDay % 60))Z"
    }
}
