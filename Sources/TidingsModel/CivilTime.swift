import Foundation

/// A UTC instant broken into calendar fields, without Foundation's Calendar (slow, and
/// locale-dependent): the one conversion behind every date Tidings prints.
public struct CivilTime: Sendable, Equatable {
    public var year: Int64
    /// 1…12
    public var month: Int64
    /// 1…31
    public var day: Int64
    public var hour: Int64
    public var minute: Int64
    public var second: Int64
    /// 0 = Sunday … 6 = Saturday
    public var weekday: Int64

    public init(_ date: Date) {
        let seconds = Int64(floor(date.timeIntervalSince1970))
        var days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondsOfDay = seconds - days * 86400
        weekday = ((days + 4) % 7 + 7) % 7  // 1970-01-01 was a Thursday
        // Civil-from-days (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        hour = secondsOfDay / 3600
        minute = secondsOfDay / 60 % 60
        second = secondsOfDay % 60
    }
}
