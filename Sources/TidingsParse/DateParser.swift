import Foundation

/// Reads the dates feeds write: RFC 822/1123 (RSS) and RFC 3339 / ISO 8601 /
/// W3C-DTF (Atom, RSS 1.0, JSON Feed), with the sloppiness found in the wild.
/// Pure and allocation-light: DateFormatter is far too slow per item.
/// Unreadable input gives `nil`, never "now".
public enum DateParser {
    public static func parse(_ text: String) -> Date? {
        text.withUTF8Bytes { parse($0) }
    }

    /// The same, on the UTF-8 bytes of the text (no `String` needed).
    ///
    /// Runs once per entry date, so everything below works on a raw pointer
    /// with plain loops: no closures, arrays, dictionaries or `String`s until a
    /// word turns out not to be English (see `MonthNames`).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        let s = ASCII.trimmingXMLSpace(bytes)
        guard !s.isEmpty else { return nil }
        if let date = unixTimestamp(s) { return date }
        if s.count >= 4, ASCII.isDigit(s[0]), ASCII.isDigit(s[1]), ASCII.isDigit(s[2]), ASCII.isDigit(s[3]) {
            if let date = rfc3339(s) ?? iso8601(s) { return date }
        }
        return rfc1123(s) ?? rfc822(s)
    }

    // MARK: The two layouts almost every feed uses

    /// `2025-01-01T00:00:09Z`, `…:09.123+01:00`, `…:09-05:00`, `…:09`, read at
    /// fixed offsets. Only a shortcut: nil for anything else (and for dates it
    /// cannot make), which `iso8601` then reads, getting the same answer for
    /// every text this one accepts.
    private static func rfc3339(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        let n = s.count
        guard n >= 19, let p = s.baseAddress, p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"),
              p[10] == UInt8(ascii: "T"), p[13] == UInt8(ascii: ":"), p[16] == UInt8(ascii: ":"),
              let year = four(p), let month = two(p + 5), let day = two(p + 8),
              let hour = two(p + 11), let minute = two(p + 14), let second = two(p + 17) else { return nil }
        var i = 19
        var fraction = 0.0
        if i < n, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") {
            i += 1
            fraction = fractionOfSecond(s, &i)
        }
        var offset = 0
        if i < n {
            let z = p[i]
            if z == UInt8(ascii: "Z") && i + 1 == n {
                offset = 0
            } else if (z == UInt8(ascii: "+") || z == UInt8(ascii: "-")) && i + 6 == n && p[i + 3] == UInt8(ascii: ":") {
                // `+01:00`, as `zoneOffset` reads it.
                guard let zone = hoursMinutes(p + i + 1, p + i + 4, negative: z == UInt8(ascii: "-")) else { return nil }
                offset = zone
            } else {
                guard z != UInt8(ascii: " "), let zone = zoneOffset(UnsafeBufferPointer(start: p + i, count: n - i)) else { return nil }
                offset = zone
            }
        }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute,
                        second: second, fraction: fraction, offset: offset)
    }

    /// `Wed, 01 Jan 2025 00:00:09 +0000` (or `GMT`, another zone name, no zone,
    /// no weekday), read at fixed offsets. Only a shortcut, like `rfc3339`:
    /// nil for any other layout, which `rfc822` then reads, getting the same
    /// answer for every text this one accepts.
    private static func rfc1123(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        guard var p = s.baseAddress else { return nil }
        var n = s.count
        if n >= 5, !ASCII.isDigit(p[0]) {
            // An English weekday abbreviation (never a month or zone name) and ", ".
            guard p[3] == UInt8(ascii: ","), p[4] == UInt8(ascii: " "), weekdayName(key3(p)) != nil else { return nil }
            p += 5
            n -= 5
        }
        // `01 Jan 2025 00:00:09`: a day of two digits (not 00), a month
        // abbreviation (a key that matches one is three ASCII letters), a
        // four-digit year, a clock with seconds.
        guard n >= 20, p[2] == UInt8(ascii: " "), p[6] == UInt8(ascii: " "), p[11] == UInt8(ascii: " "),
              p[14] == UInt8(ascii: ":"), p[17] == UInt8(ascii: ":"),
              let day = two(p), day >= 1, let (month, _) = monthName(key3(p + 3)), let year = four(p + 7),
              let hour = two(p + 12), let minute = two(p + 15), let second = two(p + 18) else { return nil }
        var offset = 0
        if n > 20 {
            guard n > 21, p[20] == UInt8(ascii: " ") else { return nil }
            let zone = UnsafeBufferPointer(start: p + 21, count: n - 21)
            if zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-") {
                // `+0000`: what `rfc822` reads as one zone token, and `zoneOffset` as this.
                guard zone.count == 5, let z = hoursMinutes(p + 22, p + 24, negative: zone[0] == UInt8(ascii: "-")) else { return nil }
                offset = z
            } else {
                // `GMT`: one word to the end, which `rfc822` reads as a zone
                // only when it is not a month name.
                guard zone.count <= 4, zone.allSatisfy(ASCII.isLetter), monthNumber(zone) == nil,
                      let z = namedZone(zone) else { return nil }
                offset = z
            }
        }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute,
                        second: second, fraction: 0, offset: offset)
    }

    /// A zone offset of two-digit hours and minutes, in seconds east of UTC,
    /// valid as `zoneOffset` checks it.
    @inline(__always)
    private static func hoursMinutes(_ h: UnsafePointer<UInt8>, _ m: UnsafePointer<UInt8>, negative: Bool) -> Int? {
        guard let hours = two(h), let minutes = two(m), hours <= 23, minutes <= 59 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return negative ? -seconds : seconds
    }

    /// The digits at `i` (after a `.` or `,`) as a fraction of a second, read
    /// to microseconds: finer is lost in a Double of seconds anyway. `i` ends
    /// past the last digit.
    @inline(__always)
    private static func fractionOfSecond(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Double {
        var numerator = 0, denominator = 1
        while i < s.count, ASCII.isDigit(s[i]) {
            if denominator < 1_000_000 {
                numerator = numerator * 10 + Int(s[i] &- 48)
                denominator *= 10
            }
            i += 1
        }
        return Double(numerator) / Double(denominator)
    }

    /// Two decimal digits at `p`.
    @inline(__always)
    private static func two(_ p: UnsafePointer<UInt8>) -> Int? {
        let a = p[0] &- 48, b = p[1] &- 48
        guard a < 10, b < 10 else { return nil }
        return Int(a) * 10 + Int(b)
    }

    /// Four decimal digits at `p`.
    @inline(__always)
    private static func four(_ p: UnsafePointer<UInt8>) -> Int? {
        guard let high = two(p), let low = two(p + 2) else { return nil }
        return high * 100 + low
    }

    /// Some generators write `<pubDate>1700000000</pubDate>`: Unix seconds
    /// (9–10 digits, 1973–2286) or milliseconds (13 digits). Other all-digit
    /// lengths are left to ISO 8601's basic format (`20240105`).
    static func unixTimestamp(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        guard s.count == 9 || s.count == 10 || s.count == 13 else { return nil }
        var value: Int64 = 0
        for b in s {
            guard ASCII.isDigit(b) else { return nil }
            value = value * 10 + Int64(b &- 48)
        }
        return Date(timeIntervalSince1970: s.count == 13 ? TimeInterval(value / 1000) : TimeInterval(value))
    }

    /// A read position in the bytes of a date, for the ISO 8601 reader.
    private struct Cursor {
        let s: UnsafeBufferPointer<UInt8>
        var i = 0

        init(_ s: UnsafeBufferPointer<UInt8>) { self.s = s }

        var atEnd: Bool { @inline(__always) get { i >= s.count } }

        /// The byte at the cursor, 0 at the end (never a byte the readers look for).
        var current: UInt8 { @inline(__always) get { i < s.count ? s[i] : 0 } }

        /// Exactly `digits` decimal digits, consumed only when all are there.
        @inline(__always)
        mutating func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var v = 0
            for k in i..<(i + digits) {
                let d = s[k] &- 48
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            i += digits
            return v
        }

        @inline(__always)
        mutating func skip(_ c: UInt8) -> Bool {
            if i < s.count, s[i] == c { i += 1; return true }
            return false
        }
    }

    // MARK: ISO 8601 / RFC 3339 / W3C-DTF

    /// `2024-01-05T10:20:30.5+01:00`, `2024-01-05 10:20Z`, `2024-01-05`, `2024-01`,
    /// `20240105T102030Z`. A missing zone means UTC.
    static func iso8601(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        var c = Cursor(s)
        guard let year = c.number(4) else { return nil }
        let extended = c.skip(UInt8(ascii: "-"))
        var month = 1, day = 1
        if !c.atEnd {
            guard let m = c.number(2) else { return nil }
            month = m
            if !c.atEnd, !extended || c.current == UInt8(ascii: "-") {
                if extended { c.i += 1 }
                guard let d = c.number(2) else { return nil }
                day = d
            }
        }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset = 0
        let t = c.current
        if t == UInt8(ascii: "T") || t == UInt8(ascii: "t") || t == UInt8(ascii: " ") {
            c.i += 1
            while c.current == UInt8(ascii: " ") { c.i += 1 }
            guard let h = c.number(2) else { return nil }
            hour = h
            _ = c.skip(UInt8(ascii: ":"))
            guard let mi = c.number(2) else { return nil }
            minute = mi
            if c.skip(UInt8(ascii: ":")) || ASCII.isDigit(c.current) {
                guard let sec = c.number(2) else { return nil }
                second = sec
                if c.current == UInt8(ascii: ".") || c.current == UInt8(ascii: ",") {
                    c.i += 1
                    fraction = fractionOfSecond(s, &c.i)
                }
            }
            while c.current == UInt8(ascii: " ") { c.i += 1 }
            if !c.atEnd {
                let rest = UnsafeBufferPointer(start: s.baseAddress! + c.i, count: s.count - c.i)
                guard let zone = zoneOffset(rest) else { return nil }
                offset = zone
                c.i = s.count
            }
        }
        guard c.i == s.count else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute,
                        second: second, fraction: fraction, offset: offset)
    }

    // MARK: RFC 822 and relatives

    /// `Sat, 07 Sep 2002 00:00:01 GMT`, `7 Sep 02 0:00 +0200`, `Sep 7 2002`,
    /// asctime's `Sat Sep  7 00:00:01 2002`: read as tokens, in any reasonable order.
    static func rfc822(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        guard let p = s.baseAddress else { return nil }
        let n = s.count
        var day = 0, month = 0, year = 0 // 0: not seen (a day or month is never 0; see below for years)
        var sawYear = false
        var hour = 0, minute = 0, second = 0
        var sawTime = false
        var offset = 0
        // A first word that names a month in one language may be a weekday in
        // another (`mar`: March, and Tuesday in French, Spanish, Italian): a
        // later month name then replaces it. Weekdays lead; months lead only
        // in `Mar 7, 2002`, which names no second month.
        var monthMayBeWeekday = false
        var words = 0
        var i = 0
        while i < n {
            let c = p[i]
            if ASCII.isXMLSpace(c) || c == UInt8(ascii: ",") || c == UInt8(ascii: ".") && !sawTime { i += 1; continue }
            if c == UInt8(ascii: "(") { break } // trailing comment: "(PST)"
            var j = i
            if ASCII.isLetter(c) || c >= 0x80 {
                if c == 0xC2, i + 1 < n, p[i + 1] == 0xA0 { i += 2; continue } // no-break space
                // Non-ASCII bytes belong to words: localised names (`März`, `марта`).
                while j < n {
                    let b = p[j]
                    if ASCII.isLetter(b) { j += 1; continue }
                    guard b >= 0x80, !(b == 0xC2 && j + 1 < n && p[j + 1] == 0xA0) else { break }
                    j += 1
                }
                words += 1
                let word = UnsafeBufferPointer(start: p + i, count: j - i)
                if let m = monthNumber(word) {
                    if month != 0 && !monthMayBeWeekday { return nil }
                    month = m
                    monthMayBeWeekday = words == 1 && m == 3 && word.count == 3
                } else if let zone = namedZone(word) {
                    offset = zone
                } else if isWeekday(word) || (word.count == 2 && (c | 0x20 == UInt8(ascii: "a") || c | 0x20 == UInt8(ascii: "p"))) {
                    if word.count == 2, sawTime, c | 0x20 == UInt8(ascii: "p"), hour < 12 { hour += 12 }
                } else {
                    // Not English: a month or weekday in another language.
                    // Portuguese weekdays are hyphenated (`segunda-feira`).
                    while j + 1 < n, p[j] == UInt8(ascii: "-"), ASCII.isLetter(p[j + 1]) || p[j + 1] >= 0x80 {
                        j += 1
                        while j < n, ASCII.isLetter(p[j]) || p[j] >= 0x80 { j += 1 }
                    }
                    switch MonthNames.lookup(UnsafeBufferPointer(start: p + i, count: j - i)) {
                    case .month(let m)?:
                        if month != 0 && !monthMayBeWeekday { return nil }
                        month = m
                        monthMayBeWeekday = false
                    case .monthOrWeekday(let m)?:
                        if month == 0 || monthMayBeWeekday {
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
                while j < n, ASCII.isDigit(p[j]) || p[j] == UInt8(ascii: ":") { j += 1 }
                guard let zone = zoneOffset(UnsafeBufferPointer(start: p + i, count: j - i)) else { return nil }
                offset = zone
                i = j
                continue
            }
            guard ASCII.isDigit(c) else { return nil }
            var colons = false
            while j < n {
                let b = p[j]
                if b == UInt8(ascii: ":") { colons = true } else if !ASCII.isDigit(b) { break }
                j += 1
            }
            let token = UnsafeBufferPointer(start: p + i, count: j - i)
            if colons {
                guard !sawTime, let t = clock(token) else { return nil }
                (hour, minute, second) = t
                sawTime = true
                // Fractional seconds after the clock are ignored.
                if j < n, p[j] == UInt8(ascii: ".") {
                    j += 1
                    while j < n, ASCII.isDigit(p[j]) { j += 1 }
                }
            } else {
                var v = 0
                for b in token { v = v * 10 + Int(b &- 48); if v > 99999 { return nil } }
                if token.count <= 2 && day == 0 && (month == 0 || !sawYear) && v >= 1 {
                    day = v
                } else if !sawYear {
                    year = token.count <= 2 ? (v < 50 ? 2000 + v : 1900 + v) : (token.count == 3 ? 1900 + v : v)
                    sawYear = true
                } else {
                    return nil
                }
            }
            i = j
        }
        guard day != 0, month != 0, sawYear else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute,
                        second: second, fraction: 0, offset: offset)
    }

    /// `10:20`, `10:20:30`, `7:05`.
    private static func clock(_ t: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        var parts = (0, 0, 0)
        var count = 0
        var v = -1
        for b in t {
            if b == UInt8(ascii: ":") {
                guard v >= 0 else { return nil }
                switch count {
                case 0: parts.0 = v
                case 1: parts.1 = v
                case 2: parts.2 = v
                default: return nil // a fourth part: never a clock
                }
                count += 1
                v = -1
            } else {
                v = (v < 0 ? 0 : v) * 10 + Int(b &- 48)
                if v > 99 { return nil }
            }
        }
        guard v >= 0 else { return nil }
        switch count {
        case 1: return (parts.0, v, 0)
        case 2: return (parts.0, parts.1, v)
        default: return nil
        }
    }

    /// `Z`, `+01:00`, `-0500`, `+05`, or a zone name; seconds east of UTC.
    static func zoneOffset(_ z: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = z.first else { return nil }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            // Up to four digits, colons ignored.
            var d = (0, 0, 0, 0)
            var count = 0
            for k in 1..<z.count {
                let b = z[k]
                if b == UInt8(ascii: ":") { continue }
                guard ASCII.isDigit(b), count < 4 else { return nil }
                let v = Int(b &- 48)
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
        // The bytes upper-cased, big-endian: "GMT" is 0x474D54.
        var key: UInt32 = 0
        for b in w { key = key << 8 | UInt32(b & ~0x20) }
        switch key {
        case 0x474D54, 0x5554, 0x555443, 0x574554, 0x5A: return 0 // GMT UT UTC WET Z
        case 0x455354: return -5 * 3600 // EST
        case 0x454454: return -4 * 3600 // EDT
        case 0x435354: return -6 * 3600 // CST
        case 0x434454: return -5 * 3600 // CDT
        case 0x4D5354: return -7 * 3600 // MST
        case 0x4D4454: return -6 * 3600 // MDT
        case 0x505354: return -8 * 3600 // PST
        case 0x504454: return -7 * 3600 // PDT
        case 0x415354: return -4 * 3600 // AST
        case 0x414454: return -3 * 3600 // ADT
        case 0x414B5354: return -9 * 3600 // AKST
        case 0x414B4454: return -8 * 3600 // AKDT
        case 0x485354: return -10 * 3600 // HST
        case 0x425354, 0x434554, 0x4D4554, 0x57455354: return 3600 // BST CET MET WEST
        case 0x43455354, 0x4D455354, 0x454554: return 7200 // CEST MEST EET
        case 0x45455354, 0x4D534B: return 10800 // EEST MSK
        case 0x4A5354, 0x4B5354: return 9 * 3600 // JST KST
        case 0x484B54: return 8 * 3600 // HKT
        case 0x41455354: return 10 * 3600 // AEST
        case 0x41454454: return 11 * 3600 // AEDT
        case 0x4E5A5354: return 12 * 3600 // NZST
        case 0x4E5A4454: return 13 * 3600 // NZDT
        // German names of the Central and Eastern European zones.
        case 0x4D455A: return 3600 // MEZ
        case 0x4D45535A: return 7200 // MESZ
        case 0x57455A: return 0 // WEZ
        case 0x5745535A: return 3600 // WESZ
        case 0x4F455A: return 7200 // OEZ
        case 0x4F45535A: return 10800 // OESZ
        default: return nil
        }
    }

    /// The first three bytes lower-cased, big-endian: "Sep" is 0x736570.
    /// Only three ASCII letters give the key of a name below.
    @inline(__always)
    private static func key3(_ p: UnsafePointer<UInt8>) -> UInt32 {
        UInt32(p[0] | 0x20) << 16 | UInt32(p[1] | 0x20) << 8 | UInt32(p[2] | 0x20)
    }

    /// Whether `w` (at least three bytes, the first three already matched) is
    /// `full` or a prefix of it, in any case.
    @inline(__always)
    private static func isPrefix(_ w: UnsafeBufferPointer<UInt8>, of full: StaticString) -> Bool {
        guard w.count <= full.utf8CodeUnitCount else { return false }
        let f = full.utf8Start
        for k in 3..<w.count where w[k] | 0x20 != f[k] { return false }
        return true
    }

    /// The month whose English name starts with the three letters of `key`.
    @inline(__always)
    private static func monthName(_ key: UInt32) -> (Int, StaticString)? {
        switch key {
        case 0x6A616E: return (1, "january")
        case 0x666562: return (2, "february")
        case 0x6D6172: return (3, "march")
        case 0x617072: return (4, "april")
        case 0x6D6179: return (5, "may")
        case 0x6A756E: return (6, "june")
        case 0x6A756C: return (7, "july")
        case 0x617567: return (8, "august")
        case 0x736570: return (9, "september")
        case 0x6F6374: return (10, "october")
        case 0x6E6F76: return (11, "november")
        case 0x646563: return (12, "december")
        default: return nil
        }
    }

    /// The English weekday that starts with the three letters of `key`.
    @inline(__always)
    private static func weekdayName(_ key: UInt32) -> StaticString? {
        switch key {
        case 0x6D6F6E: return "monday"
        case 0x747565: return "tuesday"
        case 0x776564: return "wednesday"
        case 0x746875: return "thursday"
        case 0x667269: return "friday"
        case 0x736174: return "saturday"
        case 0x73756E: return "sunday"
        default: return nil
        }
    }

    private static func monthNumber(_ w: UnsafeBufferPointer<UInt8>) -> Int? {
        guard w.count >= 3, let (month, full) = monthName(key3(w.baseAddress!)) else { return nil }
        // Accept "Sep", "Sept", "September", not arbitrary words starting with "Mar".
        return w.count == 3 || isPrefix(w, of: full) ? month : nil
    }

    /// `Sat`, `Satur`, `Saturday`, in any case.
    private static func isWeekday(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        guard w.count >= 3, let full = weekdayName(key3(w.baseAddress!)) else { return false }
        return isPrefix(w, of: full)
    }

    // MARK: Arithmetic

    @inline(__always)
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
    @inline(__always)
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
