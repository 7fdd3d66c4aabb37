import Glibc
import TidingsModel
/// Turning what feeds put in text fields into what readers expect.
enum TextCleaning {
    /// A title or name as plain text: markup stripped and entities decoded when
    /// the text is HTML, control characters removed, whitespace collapsed.
    /// `nil` when nothing is left.
    static func plainText(_ raw: String, isHTML: Bool) -> String? {
        // Most titles and names have no markup, no references and nothing to
        // collapse: one pass over the bytes, and the same String back.
        if isAlreadyPlain(raw) { return raw.isEmpty ? nil : raw }
        return raw.withUTF8Bytes { plainText($0, isHTML: isHTML) }
    }

    /// `plainText` on the UTF-8 bytes of a captured field: the one place that
    /// says how plain text is made (the String form hands its bytes here).
    /// Most need nothing done, and then the one `String` made is the one
    /// returned. The rest are worked on as bytes too (`Q&A`, `Tom &amp; Jerry`,
    /// `Part 3: <day>`: a title in seven on the bench corpus).
    static func plainText(_ bytes: UnsafeBufferPointer<UInt8>, isHTML: Bool) -> String? {
        if scan(bytes, plain: true) { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
        guard let base = bytes.baseAddress else { return nil }
        if memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil {
            // Invalid bytes are replaced before the tags between them are cut
            // (stripping first could join the pieces of a broken sequence).
            guard UTF8Validation.isValid(bytes) else { return plainText(String(decoding: bytes, as: UTF8.self), isHTML: isHTML) }
            if isHTML || HTMLSniffer.looksLikeHTML(bytes) {
                return collapse(HTMLCharacterReferences.decode(stripTags(bytes)))
            }
        }
        // Not HTML (a `<` here is text): nothing to strip. References are
        // decoded all the same (double-escaped titles, `Q&amp;amp;A`, reach us
        // as `Q&amp;A`), then the text is collapsed.
        guard memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil else { return collapse(bytes) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        HTMLCharacterReferences.decode(bytes, into: &decoded)
        return decoded.withUnsafeBufferPointer(collapse)
    }

    /// `collapse` on UTF-8 bytes, the same way.
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if scan(bytes, plain: false) { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
        return collapse(String(decoding: bytes, as: UTF8.self))
    }

    /// Whitespace runs become one space, control characters go, ends are trimmed.
    /// C1 controls U+0080–U+009F are read as the windows-1252 characters they
    /// almost always stand for (`&#150;` is an en dash, `&#133;` an ellipsis), as
    /// HTML does for numeric references; the five windows-1252 leaves undefined go.
    static func collapse(_ text: String) -> String? {
        if isAlreadyClean(text) { return text.isEmpty ? nil : text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for original in text.unicodeScalars {
            var scalar = original
            if (0x80...0x9F).contains(scalar.value) {
                guard let mapped = Windows1252.c1[Int(scalar.value - 0x80)] else { continue }
                scalar = mapped
            }
            let v = scalar.value
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || (v > 0x7F && isUnicodeSpace(v)) {
                pendingSpace = !out.isEmpty
                continue
            }
            if v < 0x20 || (0x7F...0x9F).contains(v) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return out.isEmpty ? nil : String(out)
    }

    /// Unicode White_Space above ASCII (what `Unicode.Scalar.Properties.isWhitespace`
    /// says, without its table lookup for every CJK character).
    static func isUnicodeSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// True when `collapse` would return the text unchanged: no control
    /// characters, no whitespace other than single inner spaces. Checked on
    /// bytes, as most titles need nothing done.
    static func isAlreadyClean(_ text: String) -> Bool {
        text.withUTF8Bytes { scan($0, plain: false) }
    }

    /// The same on UTF-8 bytes.
    static func isAlreadyClean(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(s, plain: false)
    }

    /// True when `plainText` would return the text unchanged, HTML or not: it
    /// is clean, and has no `<` (no tags) and no `&` (no references).
    static func isAlreadyPlain(_ text: String) -> Bool {
        text.withUTF8Bytes { scan($0, plain: true) }
    }

    /// The same on UTF-8 bytes.
    static func isAlreadyPlain(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(s, plain: true)
    }

    /// `isAlreadyClean`, and with `plain` also no `<` or `&`: eight bytes at a
    /// time (the text's last word overlaps the one before, or is padded).
    @inline(__always)
    private static func scan(_ s: UnsafeBufferPointer<UInt8>, plain: Bool) -> Bool {
        guard let p = s.baseAddress, s.count > 0 else { return true }
        let n = s.count
        if p[0] == 0x20 || p[n - 1] == 0x20 { return false }
        var i = 0
        while i + 8 <= n {
            guard isCleanWord(load(p + i), p, n, i, plain: plain) else { return false }
            // A space last in this word and first in the next (the text does not
            // end with a space, so there is a next byte).
            if p[i + 7] == 0x20 && p[i + 8] == 0x20 { return false }
            i += 8
        }
        guard i < n else { return true }
        if n >= 8 { return isCleanWord(load(p + n - 8), p, n, n - 8, plain: plain) }
        // Shorter than a word: padded with `a`, which is clean.
        var word: UInt64 = 0x6161_6161_6161_6161
        withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(start: p, count: n)) }
        return isCleanWord(UInt64(littleEndian: word), p, n, 0, plain: plain)
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of some byte is set when a byte of `v` is zero ("Bit
    /// Twiddling Hacks", haszero): exact for "is there one", not for which.
    @inline(__always)
    private static func someZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }

    /// The high bit of exactly the bytes of `v` that are zero.
    @inline(__always)
    private static func zeroBytes(_ v: UInt64) -> UInt64 { ~(((v & ~highs) &+ ~highs) | v) & highs }

    /// The eight bytes `x` (those of the text at `at`, or the short text padded)
    /// hold none of what `scan` looks for. ASCII tests for all eight bytes at
    /// once; bytes that may start a non-ASCII space or C1 control (C2, E0–E3)
    /// are then looked at one by one.
    @inline(__always)
    private static func isCleanWord(_ x: UInt64, _ p: UnsafePointer<UInt8>, _ n: Int, _ at: Int, plain: Bool) -> Bool {
        var bad = (x &- 0x20 &* ones) & ~x & highs // a byte below 0x20 (hasless)
        bad |= someZero(x ^ (0x7F &* ones)) // DEL
        let spaces = x ^ (0x20 &* ones) // zero where x has a space
        bad |= someZero(spaces | spaces >> 8 | 1 << 56) // a space after a space (the top byte has no follower here)
        if plain {
            bad |= someZero(x ^ (0x3C &* ones)) | someZero(x ^ (0x26 &* ones)) // `<`, `&`
        }
        if bad != 0 { return false }
        guard x & highs != 0 else { return true }
        var leads = zeroBytes(x ^ (0xC2 &* ones)) | zeroBytes((x & (0xFC &* ones)) ^ (0xE0 &* ones))
        while leads != 0 {
            if !isCleanByte(p, n, at + leads.trailingZeroBitCount >> 3, plain: plain) { return false }
            leads &= leads &- 1
        }
        return true
    }

    /// The byte at `i` is none of what `scan` looks for.
    @inline(__always)
    private static func isCleanByte(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, plain: Bool) -> Bool {
        let b = p[i]
        if b < 0x80 {
            // A space is never last here, so p[i + 1] exists.
            if b < 0x20 || b == 0x7F || (b == 0x20 && p[i + 1] == 0x20) { return false }
            if plain && (b == UInt8(ascii: "<") || b == UInt8(ascii: "&")) { return false }
            return true
        }
        // Non-ASCII spaces and C1 controls: U+0080–U+00A0 (C2 xx), U+1680
        // (E1 9A 80), U+2000–U+202F / U+205F (E2 80 xx, E2 81 9F), U+3000 (E3 80 80).
        guard b >= 0xC2 && b <= 0xE3 else { return true }
        let n1 = i + 1 < n ? p[i + 1] : 0
        let n2 = i + 2 < n ? p[i + 2] : 0
        switch b {
        case 0xC2 where n1 <= 0xA0: return false
        case 0xE1 where n1 == 0x9A && n2 == 0x80: return false
        case 0xE2 where n1 == 0x80 && isUnicodeSpace(0x2000 | UInt32(n2 & 0x3F)): return false
        case 0xE2 where n1 == 0x81 && n2 == 0x9F: return false
        case 0xE3 where n1 == 0x80 && n2 == 0x80: return false
        default: return true
        }
    }

    /// Trims surrounding whitespace; `nil` when empty.
    static func trimmed(_ text: String) -> String? {
        let t = text.trimmingASCIIWhitespace()
        return t.isEmpty ? nil : t
    }

    /// `trimmed` on UTF-8 bytes: one `String`, made after trimming.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.first, let last = bytes.last else { return nil }
        if ASCII.isWhitespace(first) || ASCII.isWhitespace(last) { return trimmed(String(decoding: bytes, as: UTF8.self)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Plain text as HTML: escapes the characters HTML would read as markup.
    static func escapeHTML(_ text: String) -> String {
        text.withUTF8Bytes { String(decoding: escapeHTML($0), as: UTF8.self) }
    }

    /// The same on bytes: what an Atom `type="text"` body becomes.
    static func escapeHTML(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 16)
        for b in text {
            if let entity = htmlEscape(b, quote: true) {
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            } else {
                out.append(b)
            }
        }
        return out
    }

    /// What a byte of text becomes in HTML: `&`, `<`, `>` (and `"` inside an
    /// attribute value, or always when `quote`) as references, else itself (nil).
    @inline(__always)
    static func htmlEscape(_ b: UInt8, quote: Bool) -> StaticString? {
        switch b {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\"") where quote: return "&quot;"
        default: return nil
        }
    }

    /// Removes tags and comments, keeping the text between them. Line-breaking
    /// tags become spaces so words on either side do not run together.
    static func stripTags(_ html: String) -> String {
        html.withUTF8Bytes(stripTags)
    }

    /// The same on UTF-8 bytes. Everything it looks for is ASCII, so the text
    /// between tags is copied byte for byte; the result is never longer.
    static func stripTags(_ s: UnsafeBufferPointer<UInt8>) -> String {
        guard let p = s.baseAddress, s.count > 0 else { return "" }
        let count = s.count
        return String(unsafeUninitializedCapacity: count) { out in
            var o = 0
            var i = 0
            while i < count {
                let c = p[i]
                guard c == UInt8(ascii: "<"), i + 1 < count else { out[o] = c; o += 1; i += 1; continue }
                let n = p[i + 1]
                if n == UInt8(ascii: "!"), i + 3 < count, p[i + 2] == UInt8(ascii: "-"), p[i + 3] == UInt8(ascii: "-") {
                    i += 4
                    while i < count, !(p[i] == UInt8(ascii: "-") && i + 2 < count && p[i + 1] == UInt8(ascii: "-") && p[i + 2] == UInt8(ascii: ">")) { i += 1 }
                    i += 3
                    continue
                }
                guard ASCII.isLetter(n) || n == UInt8(ascii: "/") || n == UInt8(ascii: "!") || n == UInt8(ascii: "?") else {
                    out[o] = c; o += 1; i += 1; continue
                }
                var j = i + 1
                let closing = j < count && p[j] == UInt8(ascii: "/")
                if closing { j += 1 }
                let nameStart = j
                while j < count, ASCII.isLetter(p[j]) || ASCII.isDigit(p[j]) { j += 1 }
                let name = UnsafeBufferPointer(start: p + nameStart, count: j - nameStart)
                while j < count, p[j] != UInt8(ascii: ">") { j += 1 }
                let kind = tagKind(name)
                if kind == .breaking { out[o] = 0x20; o += 1 }
                // A browser shows nothing of a script or style sheet: drop its text
                // too. Only when it is closed: in a title, an unclosed `<script>` is
                // more likely a word about scripts than the rest of the page.
                if !closing, kind == .hidden, p[j - 1] != UInt8(ascii: "/"),
                   let end = closingTag(name, in: s, from: j + 1) {
                    i = end
                    continue
                }
                i = j + 1
            }
            return o
        }
    }

    /// What `stripTags` does with an element beyond removing its tag.
    private enum TagKind { case other, breaking, hidden }

    /// By the tag's name (ASCII letters and digits, any case): line-breaking
    /// elements (`br p div li ul ol tr td th h1`…`h6 blockquote pre hr table dd dt`)
    /// and elements whose content is never displayed (`script style`).
    private static func tagKind(_ name: UnsafeBufferPointer<UInt8>) -> TagKind {
        if name.count == 10 {
            let blockquote: StaticString = "blockquote"
            for k in 0..<10 where name[k] | 0x20 != blockquote.utf8Start[k] { return .other }
            return .breaking
        }
        guard name.count <= 8 else { return .other }
        // Lower-cased (letters; digits are unchanged by | 0x20), little-endian: "br" is 0x7262.
        var key: UInt64 = 0
        for k in stride(from: name.count - 1, through: 0, by: -1) { key = key << 8 | UInt64(name[k] | 0x20) }
        switch key {
        case 0x7262, 0x70, 0x766964, 0x696C, 0x6C75, 0x6C6F, 0x7274, 0x6474, 0x6874, // br p div li ul ol tr td th
             0x3168, 0x3268, 0x3368, 0x3468, 0x3568, 0x3668, // h1 … h6
             0x657270, 0x7268, 0x656C626174, 0x6464, 0x7464: // pre hr table dd dt
            return .breaking
        case 0x747069726373, 0x656C797473: // script style
            return .hidden
        default:
            return .other
        }
    }

    /// Index just past `</name …>` at or after `from` (name matched in any case), or nil.
    private static func closingTag(_ name: UnsafeBufferPointer<UInt8>, in s: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let count = s.count
        let length = 2 + name.count // `</name`
        var k = from
        while k + length <= count {
            var matches = s[k] == UInt8(ascii: "<") && s[k + 1] == UInt8(ascii: "/")
            if matches {
                for m in 0..<name.count {
                    if ASCII.lowercased(s[k + 2 + m]) != name[m] | 0x20 { matches = false; break }
                }
            }
            // `</scripts>` is not the end of a script.
            if matches, k + length < count {
                let next = s[k + length]
                if ASCII.isLetter(next) || ASCII.isDigit(next) { matches = false }
            }
            if matches {
                var e = k + length
                while e < count, s[e] != UInt8(ascii: ">") { e += 1 }
                return min(e + 1, count)
            }
            k += 1
        }
        return nil
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        withUTF8Bytes { bytes in
            let trimmed = ASCII.trimmedRange(bytes, ASCII.isWhitespace)
            // Cut at ASCII bytes: what is left is still valid UTF-8.
            return trimmed == bytes.indices ? self : String(decoding: UnsafeBufferPointer(rebasing: bytes[trimmed]), as: UTF8.self)
        }
    }
}
