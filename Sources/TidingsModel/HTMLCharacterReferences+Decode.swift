extension HTMLCharacterReferences {
    /// Appends `bytes` (UTF-8 text from HTML) to `out` with character references
    /// decoded as browsers decode them: `&name;` for every name of the standard,
    /// `&name` for the legacy ones, `&#123;` / `&#x1F600;` with or without the
    /// semicolon (0x80–0x9F as the windows-1252 characters CMSs meant; NUL,
    /// surrogates and values above U+10FFFF as U+FFFD). Anything else stays as written.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let end = bytes.count
        while i < end {
            // Copy the run up to the next `&` in one go.
            var j = i
            while j < end && bytes[j] != UInt8(ascii: "&") { j += 1 }
            if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
            guard j < end else { return }
            if let (text, next) = reference(in: bytes, at: j) {
                out.append(contentsOf: text.utf8)
                i = next
            } else {
                out.append(UInt8(ascii: "&"))
                i = j + 1
            }
        }
    }

    /// The same for a `String`; returns it unchanged when it has no `&`.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var copy = text
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        copy.withUTF8 { decode($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text a reference at `start` (an `&`) stands for, and the index after it.
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
        let end = bytes.count
        var i = start + 1
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < end && (bytes[i] | 0x20) == UInt8(ascii: "x")
            if hex { i += 1 }
            var value: UInt32 = 0
            var digits = 0
            while i < end, digits < 8, let digit = digitValue(bytes[i], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if i < end && bytes[i] == UInt8(ascii: ";") { i += 1 }
            return (String(numeric(value)), i)
        }
        let nameStart = i
        while i < end, i - nameStart < maxNameLength, isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
        if i < end && bytes[i] == UInt8(ascii: ";") {
            guard let text = named(name) else { return nil }
            return (text, i + 1)
        }
        guard let text = namedWithoutSemicolon(name) else { return nil }
        return (text, i)
    }

    /// A numeric reference's character (HTML's rules for the odd values).
    public static func numeric(_ value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F {
            // windows-1252 for the C1 range; its five undefined bytes stay C1 controls.
            return Unicode.Scalar(UInt32(windows1252C1[Int(value - 0x80)])) ?? "\u{FFFD}"
        }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// What bytes 0x80–0x9F mean in windows-1252 (WHATWG: the undefined five map to themselves).
    public static let windows1252C1: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func digitValue(_ c: UInt8, hex: Bool) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(c - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(c - 55)
        default: return nil
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }
}
