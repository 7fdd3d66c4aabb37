import Foundation

/// RFC 5322 §3.3 dates (`Tue, 03 Mar 2026 10:00:00 +0000`), always in UTC.
///
/// Computed arithmetically: a DateFormatter per message would cost more than the rest of the
/// header block, and the result must not depend on the locale or time zone of the machine.
enum MailDate {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Whether a date can be written as RFC 5322 requires (four-digit year, 1900 or later).
    static func isRepresentable(_ date: Date) -> Bool {
        let t = date.timeIntervalSince1970
        return t.isFinite && t >= -2_208_988_800 && t < 253_402_300_800
    }

    static func format(_ date: Date) -> String {
        var out: [UInt8] = []
        append(date, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ date: Date, to out: inout [UInt8]) {
        let seconds = Int64(floor(date.timeIntervalSince1970))
        var dayNumber = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondsOfDay = seconds - dayNumber * 86400
        let weekday = days[Int(((dayNumber % 7) + 7) % 7)]
        // Civil-from-days (Howard Hinnant), as in TidingsModel's iso8601UTC.
        dayNumber += 719_468
        let era = (dayNumber >= 0 ? dayNumber : dayNumber - 146_096) / 146_097
        let doe = dayNumber - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var year = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        if month <= 2 { year += 1 }
        func digits(_ v: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(v / divisor % 10))
                divisor /= 10
            }
        }
        out.append(contentsOf: weekday.utf8)
        out.append(contentsOf: ", ".utf8)
        digits(day, 2)
        out.append(0x20)
        out.append(contentsOf: months[Int(month) - 1].utf8)
        out.append(0x20)
        out.append(contentsOf: String(year).utf8)
        out.append(0x20)
        digits(secondsOfDay / 3600, 2)
        out.append(UInt8(ascii: ":"))
        digits(secondsOfDay / 60 % 60, 2)
        out.append(UInt8(ascii: ":"))
        digits(secondsOfDay % 60, 2)
        out.append(contentsOf: " +0000".utf8)
    }
}
