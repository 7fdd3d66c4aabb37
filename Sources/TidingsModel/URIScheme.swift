/// The scheme at the start of a URI reference (RFC 3986 §3.1: a letter, then
/// letters, digits, `+`, `-`, `.`, then `:`): the one test for "absolute"
/// used by the parser's resolver and by the links in rendered HTML.
public enum URIScheme {
    /// Where the `:` after the scheme is, when `s` starts with one.
    @inlinable
    public static func colonIndex(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = s.first, (first | 0x20) &- UInt8(ascii: "a") < 26 else { return nil }
        // Bits for `+` `-` `.` `0`…`9` (bytes 0–63) and `A`…`Z` `a`…`z` (64–127).
        let low: UInt64 = 1 << 43 | 1 << 45 | 1 << 46 | 0x3FF << 48
        let high: UInt64 = 0x3FF_FFFF << 1 | 0x3FF_FFFF << 33
        var i = 1
        while i < s.count {
            let b = s[i]
            let bits = b < 64 ? low : b < 128 ? high : 0
            if bits >> (b & 63) & 1 == 0 { return b == UInt8(ascii: ":") ? i : nil }
            i += 1
        }
        return nil
    }

    @inlinable
    public static func isPresent(_ s: UnsafeBufferPointer<UInt8>) -> Bool { colonIndex(s) != nil }

    public static func isPresent(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { isPresent($0) }
    }
}
