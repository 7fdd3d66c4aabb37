import Foundation

/// Reads the dates feeds write: RFC 822/1123 (RSS) and RFC 3339 / ISO 8601 /
/// W3C-DTF (Atom, RSS 1.0, JSON Feed), with the sloppiness found in the wild.
/// Pure and allocation-light: DateFormatter is far too slow per item.
/// Unreadable input gives `nil`, never "now".
public enum DateParser {
    public static func parse(_ text: String) -> Date? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// The same, on the UTF-8 bytes of the text (no `String` needed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > start else { return nil }
        let s = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let date = unixTimestamp(s) { return date }
        if s.count >= 4, isDigit(s[0]), isDigit(s[1]), isDigit(s[2]), isDigit(s[3]) {
            if let date = iso8601(s) { return date }
        }
        return rfc822(s)
    }

    /// Some generators write `<pubDate>1700000000</pubDate>`: Unix seconds
    /// (9–10 digits, 1973–2286) or milliseconds (13 digits). Other all-digit
    /// lengths are left to ISO 8601's basic format (`20240105`).
    static func unixTimestamp(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        guard s.count == 9 || s.count == 10 || s.count == 13, s.allSatisfy(isDigit) else { return nil }
        var value: Int64 = 0
        for b in s { value = value * 10 + Int64(b - UInt8(ascii: "0")) }
        return Date(timeIntervalSince1970: s.count == 13 ? TimeInterval(value / 1000) : TimeInterval(value))
    }

    // MARK: ISO 8601 / RFC 3339 / W3C-DTF

    /// `2024-01-05T10:20:30.5+01:00`, `2024-01-05 10:20Z`, `2024-01-05`, `2024-01`,
    /// `20240105T102030Z`. A missing zone means UTC.
    static func iso8601(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var v = 0
            for k in 0..<digits {
                guard isDigit(s[i + k]) else { return nil }
                v = v * 10 + Int(s[i + k] - 48)
            }
            i += digits
            return v
        }
        func skip(_ c: UInt8) -> Bool {
            if i < s.count, s[i] == c { i += 1; return true }
            return false
        }
        guard let year = number(4) else { return nil }
        let extended = skip(UInt8(ascii: "-"))
        var month = 1, day = 1
        if i < s.count {
            guard let m = number(2) else { return nil }
            month = m
            if i < s.count, !extended || s[i] == UInt8(ascii: "-") {
                if extended { i += 1 }
                guard let d = number(2) else { return nil }
                day = d
            }
        }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset = 0
        if i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: "t") || s[i] == UInt8(ascii: " ") {
            i += 1
            while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
            guard let h = number(2) else { return nil }
            hour = h
            _ = skip(UInt8(ascii: ":"))
            guard let mi = number(2) else { return nil }
            minute = mi
            if skip(UInt8(ascii: ":")) || (i < s.count && isDigit(s[i])) {
                guard let sec = number(2) else { return nil }
                second = sec
                if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
                    i += 1
                    var numerator = 0, denominator = 1
                    while i < s.count, isDigit(s[i]) {
                        if denominator < 1_000_000 { // microseconds: finer is lost in a Double of seconds anyway
                            numerator = numerator * 10 + Int(s[i] - 48)
                            denominator *= 10
                        }
                        i += 1
                    }
                    fraction = Double(numerator) / Double(denominator)
                }
            }
            while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
            if i < s.count {
                guard let zone = zoneOffset(UnsafeBufferPointer(rebasing: s[i...])) else { return nil }
                offset = zone
                i = s.count
            }
        }
        guard i == s.count else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute,
                        second: second, fraction: fraction, offset: offset)
    }

    // MARK: RFC 822 and relatives

    /// `Sat, 07 Sep 2002 00:00:01 GMT`, `7 Sep 02 0:00 +0200`, `Sep 7 2002`,
    /// asctime's `Sat Sep  7 00:00:01 2002`: read as tokens, in any reasonable order.
    static func rfc822(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        var day: Int?, month: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var sawTime = false
        var offset: Int?
        // A first word that names a month in one language may be a weekday in
        // another (`mar`: March, and Tuesday in French, Spanish, Italian): a
        // later month name then replaces it. Weekdays lead; months lead only
        // in `Mar 7, 2002`, which names no second month.
        var monthMayBeWeekday = false
        var words = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if isSpace(c) || c == UInt8(ascii: ",") || c == UInt8(ascii: ".") && !sawTime { i += 1; continue }
            if c == UInt8(ascii: "(") { break } // trailing comment: "(PST)"
            var j = i
            if isAlpha(c) || c >= 0x80 {
                if c == 0xC2, i + 1 < s.count, s[i + 1] == 0xA0 { i += 2; continue } // no-break space
                // Non-ASCII bytes belong to words: localised names (`März`, `марта`).
                while j < s.count, isAlpha(s[j]) || (s[j] >= 0x80 && !(s[j] == 0xC2 && j + 1 < s.count && s[j + 1] == 0xA0)) { j += 1 }
                words += 1
                let word = UnsafeBufferPointer(rebasing: s[i..<j])
                if let m = monthNumber(word) {
                    if month != nil && !monthMayBeWeekday { return nil }
                    month = m
                    monthMayBeWeekday = words == 1 && m == 3 && word.count == 3
                } else if let zone = namedZone(word) {
                    offset = zone
                } else if isWeekday(word) || (word.count == 2 && (word[0] | 0x20 == UInt8(ascii: "a") || word[0] | 0x20 == UInt8(ascii: "p"))) {
                    if word.count == 2, sawTime, word[0] | 0x20 == UInt8(ascii: "p"), hour < 12 { hour += 12 }
                } else {
                    // Not English: a month or weekday in another language.
                    // Portuguese weekdays are hyphenated (`segunda-feira`).
                    while j + 1 < s.count, s[j] == UInt8(ascii: "-"), isAlpha(s[j + 1]) || s[j + 1] >= 0x80 {
                        j += 1
                        while j < s.count, isAlpha(s[j]) || s[j] >= 0x80 { j += 1 }
                    }
                    switch MonthNames.lookup(UnsafeBufferPointer(rebasing: s[i..<j])) {
                    case .month(let m)?:
                        if month != nil && !monthMayBeWeekday { return nil }
                        month = m
                        monthMayBeWeekday = false
                    case .monthOrWeekday(let m)?:
                        if month == nil || monthMayBeWeekday {
                            month = m
                            monthMayBeWeekday = words == 1
                        }
                    case .skip?:
                        break
                    case nil:
                        return nil
                    }
                }
                i = j
                continue
            }
            if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && sawTime {
                j = i + 1
                while j < s.count, isDigit(s[j]) || s[j] == UInt8(ascii: ":") { j += 1 }
                guard let zone = zoneOffset(UnsafeBufferPointer(rebasing: s[i..<j])) else { return nil }
                offset = zone
                i = j
                continue
            }
            guard isDigit(c) else { return nil }
            while j < s.count, isDigit(s[j]) || s[j] == UInt8(ascii: ":") { j += 1 }
            let token = UnsafeBufferPointer(rebasing: s[i..<j])
            if token.contains(UInt8(ascii: ":")) {
                guard !sawTime, let t = clock(token) else { return nil }
                (hour, minute, second) = t
                sawTime = true
                // Fractional seconds after the clock are ignored.
                if j < s.count, s[j] == UInt8(ascii: ".") {
                    j += 1
                    while j < s.count, isDigit(s[j]) { j += 1 }
                }
            } else {
                var v = 0
                for b in token { v = v * 10 + Int(b - 48); if v > 99999 { return nil } }
                if token.count <= 2 && day == nil && (month == nil || year == nil) && v >= 1 {
                    day = v
                } else if year == nil {
                    year = token.count <= 2 ? (v < 50 ? 2000 + v : 1900 + v) : (token.count == 3 ? 1900 + v : v)
                } else {
                    return nil
                }
            }
            i = j
        }
        guard let day, let month, let year else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute,
                        second: second, fraction: 0, offset: offset ?? 0)
    }

    /// `10:20`, `10:20:30`, `7:05`.
    private static func clock(_ t: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        var parts: [Int] = []
        var v = -1
        for b in t {
            if b == UInt8(ascii: ":") {
                guard v >= 0 else { return nil }
                parts.append(v); v = -1
            } else {
                v = (v < 0 ? 0 : v) * 10 + Int(b - 48)
                if v > 99 { return nil }
            }
        }
        guard v >= 0 else { return nil }
        parts.append(v)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        return (parts[0], parts[1], parts.count == 3 ? parts[2] : 0)
    }

    /// `Z`, `+01:00`, `-0500`, `+05`, or a zone name; seconds east of UTC.
    static func zoneOffset(_ z: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = z.first else { return nil }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            // Up to four digits, colons ignored, read without an array (this runs per entry).
            var d = (0, 0, 0, 0)
            var count = 0
            for b in z.dropFirst() where b != UInt8(ascii: ":") {
                guard isDigit(b), count < 4 else { return nil }
                let v = Int(b - 48)
                switch count {
                case 0: d.0 = v
                case 1: d.1 = v
                case 2: d.2 = v
                default: d.3 = v
                }
                count += 1
            }
            let hours: Int, minutes: Int
            switch count {
            case 1: hours = d.0; minutes = 0
            case 2: hours = d.0 * 10 + d.1; minutes = 0
            case 3: hours = d.0; minutes = d.1 * 10 + d.2
            case 4: hours = d.0 * 10 + d.1; minutes = d.2 * 10 + d.3
            default: return nil
            }
            guard hours <= 23, minutes <= 59 else { return nil }
            let seconds = hours * 3600 + minutes * 60
            return first == UInt8(ascii: "-") ? -seconds : seconds
        }
        return namedZone(z)
    }

    /// Zone abbreviations seen in feeds. Military letters follow RFC 822 as
    /// written (A = -1 … M = -12, N = +1 … Y = +12, Z = UTC); RFC 2822 notes
    /// that 822 had the signs backwards in practice, but feeds almost only use Z.
    static func namedZone(_ w: UnsafeBufferPointer<UInt8>) -> Int? {
        if w.count == 1 {
            let c = w[0] | 0x20
            switch c {
            case UInt8(ascii: "z"): return 0
            case UInt8(ascii: "a")...UInt8(ascii: "i"): return -Int(c - UInt8(ascii: "a") + 1) * 3600
            case UInt8(ascii: "k")...UInt8(ascii: "m"): return -Int(c - UInt8(ascii: "k") + 10) * 3600
            case UInt8(ascii: "n")...UInt8(ascii: "y"): return Int(c - UInt8(ascii: "n") + 1) * 3600
            default: return nil
            }
        }
        guard w.count <= 4 else { return nil }
        var key: UInt32 = 0
        for b in w { key = key << 8 | UInt32(b & ~0x20) }
        return zones[key]
    }

    private static let zones: [UInt32: Int] = Dictionary(uniqueKeysWithValues: zoneNames.map { name, offset in
        (name.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }, offset)
    })

    private static let zoneNames: [(String, Int)] = [
        "GMT": 0, "UT": 0, "UTC": 0, "WET": 0, "Z": 0,
        "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
        "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
        "AST": -4 * 3600, "ADT": -3 * 3600, "AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
        "BST": 3600, "CET": 3600, "CEST": 7200, "MET": 3600, "MEST": 7200, "WEST": 3600,
        "EET": 7200, "EEST": 10800, "MSK": 10800, "JST": 9 * 3600, "KST": 9 * 3600, "HKT": 8 * 3600,
        "AEST": 10 * 3600, "AEDT": 11 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600,
        // German names of the Central and Eastern European zones.
        "MEZ": 3600, "MESZ": 7200, "WEZ": 0, "WESZ": 3600, "OEZ": 7200, "OESZ": 10800,
    ].map { ($0.key, $0.value) }

    private static func monthNumber(_ w: UnsafeBufferPointer<UInt8>) -> Int? {
        guard w.count >= 3 else { return nil }
        let a = w[0] | 0x20, b = w[1] | 0x20, c = w[2] | 0x20
        let key = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
        guard let index = monthKeys.firstIndex(of: key) else { return nil }
        // Accept "Sep", "Sept", "September", not arbitrary words starting with "Mar".
        if w.count > 3 {
            let full = monthNameBytes[index]
            guard w.count <= full.count else { return nil }
            for (x, y) in zip(w, full) where x | 0x20 != y { return nil }
        }
        return index + 1
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"]
    private static let monthNameBytes: [[UInt8]] = monthNames.map { Array($0.utf8) }
    private static let monthKeys: [UInt32] = monthNames.map { name in
        let u = Array(name.utf8)
        return UInt32(u[0]) << 16 | UInt32(u[1]) << 8 | UInt32(u[2])
    }

    private static let weekdayNames: [[UInt8]] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map { Array($0.utf8) }

    private static func isWeekday(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        guard w.count >= 3 else { return false }
        for full in weekdayNames {
            guard w.count <= full.count else { continue }
            var ok = true
            for (x, y) in zip(w, full) where x | 0x20 != y { ok = false; break }
            if ok { return true }
        }
        return false
    }

    // MARK: Arithmetic

    static func makeDate(year: Int, month: Int, day: Int, hour: Int, minute: Int,
                         second: Int, fraction: Double, offset: Int) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= daysIn(month: month, year: year),
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        if hour == 24 && (minute != 0 || second != 0) { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
