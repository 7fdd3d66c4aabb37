import Foundation
import TidingsModel

/// RFC 5322 §3.3 dates (`Tue, 03 Mar 2026 10:00:00 +0000`), always in UTC.
///
/// Computed arithmetically: a DateFormatter per message would cost more than the rest of the
/// header block, and the result must not depend on the locale or time zone of the machine.
enum MailDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]  // CivilTime.weekday order
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
        let t = CivilTime(date)
        func digits(_ v: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(v / divisor % 10))
                divisor /= 10
            }
        }
        out.append(contentsOf: days[Int(t.weekday)].utf8)
        out.append(contentsOf: ", ".utf8)
        digits(t.day, 2)
        out.append(0x20)
        out.append(contentsOf: months[Int(t.month) - 1].utf8)
        out.append(0x20)
        out.append(contentsOf: String(t.year).utf8)
        out.append(0x20)
        digits(t.hour, 2)
        out.append(UInt8(ascii: ":"))
        digits(t.minute, 2)
        out.append(UInt8(ascii: ":"))
        digits(t.second, 2)
        out.append(contentsOf: " +0000".utf8)
    }
}
