import Foundation

/// HTTP dates (RFC 9110 §5.6.7) for Retry-After, Expires and Date. Servers must send the
/// IMF-fixdate form, but the two obsolete forms still turn up, so all three are read:
///
///     Sun, 06 Nov 1994 08:49:37 GMT     IMF-fixdate (RFC 1123)
///     Sunday, 06-Nov-94 08:49:37 GMT    RFC 850
///     Sun Nov  6 08:49:37 1994          asctime
///
/// Hand-written over bytes rather than `DateFormatter`: no locale, no allocation, and it runs
/// for every response of a sync.
enum HTTPDate {
    /// The date, or nil when the text is none of the three forms.
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = Scanner(bytes: bytes)
        scanner.skipSpaces()
        // Day name: letters, then "," (RFC 1123 / 850) or a space (asctime).
        guard scanner.skipLetters() > 0 else { return nil }
        if scanner.skip(UInt8(ascii: ",")) {
            scanner.skipSpaces()
            guard let day = scanner.number() else { return nil }
            let separator: UInt8 = scanner.skip(UInt8(ascii: "-")) ? UInt8(ascii: "-") : UInt8(ascii: " ")
            if separator == UInt8(ascii: " ") { scanner.skipSpaces() }
            guard let month = scanner.month() else { return nil }
            guard scanner.skip(separator) else { return nil }
            scanner.skipSpaces()
            guard var year = scanner.number() else { return nil }
            if year < 100 { year += year < 70 ? 2000 : 1900 }  // RFC 850 two-digit years
            scanner.skipSpaces()
            guard let time = scanner.time() else { return nil }
            return make(year: year, month: month, day: day, time: time)
        }
        scanner.skipSpaces()
        guard let month = scanner.month() else { return nil }
        scanner.skipSpaces()
        guard let day = scanner.number() else { return nil }
        scanner.skipSpaces()
        guard let time = scanner.time() else { return nil }
        scanner.skipSpaces()
        guard let year = scanner.number() else { return nil }
        return make(year: year, month: month, day: day, time: time)
    }

    /// IMF-fixdate, e.g. for a file's modification time.
    static func format(_ date: Date) -> String {
        let seconds = Int64(floor(date.timeIntervalSince1970))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        let (year, month, day) = civil(fromDays: days)
        let weekday = Int((days % 7 + 11) % 7)  // 1970-01-01 was a Thursday
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekdayNames[weekday]), \(two(day)) \(monthNames[Int(month) - 1]) \(year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) GMT"
    }

    private static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func make(year: Int, month: Int, day: Int, time: (Int, Int, Int)) -> Date? {
        guard (1...31).contains(day), time.0 < 24, time.1 < 60, time.2 <= 60 else { return nil }
        let days = daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
        let seconds = days * 86400 + Int64(time.0 * 3600 + time.1 * 60 + time.2)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    // Howard Hinnant's days-from-civil and its inverse: exact for the proleptic Gregorian calendar.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z: Int64) -> (Int64, Int64, Int64) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipLetters() -> Int {
            let start = index
            while index < bytes.count, (bytes[index] | 0x20) >= UInt8(ascii: "a"), (bytes[index] | 0x20) <= UInt8(ascii: "z") { index += 1 }
            return index - start
        }

        mutating func number() -> Int? {
            var value = 0
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), index - start < 5 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            return index > start ? value : nil
        }

        /// Three-letter English month name, case-insensitive → 1...12.
        mutating func month() -> Int? {
            guard index + 3 <= bytes.count else { return nil }
            let key = (UInt32(bytes[index] | 0x20) << 16) | (UInt32(bytes[index + 1] | 0x20) << 8) | UInt32(bytes[index + 2] | 0x20)
            for (offset, name) in HTTPDate.monthKeys.enumerated() where name == key {
                index += 3
                return offset + 1
            }
            return nil
        }

        /// `HH:MM:SS`
        mutating func time() -> (Int, Int, Int)? {
            guard let h = number(), skip(UInt8(ascii: ":")), let m = number(), skip(UInt8(ascii: ":")), let s = number() else { return nil }
            return (h, m, s)
        }
    }

    private static let monthKeys: [UInt32] = monthNames.map { name in
        name.lowercased().utf8.reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
    }
}
