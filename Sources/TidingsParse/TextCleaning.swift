import TidingsModel
/// Turning what feeds put in text fields into what readers expect.
enum TextCleaning {
    /// A title or name as plain text: markup stripped and entities decoded when
    /// the text is HTML, control characters removed, whitespace collapsed.
    /// `nil` when nothing is left.
    static func plainText(_ raw: String, isHTML: Bool) -> String? {
        var text = raw
        if isHTML || looksLikeHTML(raw) {
            text = HTMLCharacterReferences.decode(stripTags(raw))
        } else if raw.containsASCII(UInt8(ascii: "&")) {
            // Double-escaped titles (`Q&amp;amp;A`) reach us as `Q&amp;A`.
            text = HTMLCharacterReferences.decode(raw)
        }
        return collapse(text)
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
        var copy = text
        return copy.withUTF8 { isAlreadyClean($0) }
    }

    /// The same on UTF-8 bytes.
    static func isAlreadyClean(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = s.first, let last = s.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        var i = 0
        while i < s.count {
            let b = s[i]
            if b < 0x80 {
                // A space is never last here, so s[i + 1] exists.
                if b < 0x20 || b == 0x7F || (b == 0x20 && s[i + 1] == 0x20) { return false }
                i += 1
                continue
            }
            // Non-ASCII spaces and C1 controls: U+0080–U+00A0 (C2 xx), U+1680
            // (E1 9A 80), U+2000–U+202F / U+205F (E2 80 xx, E2 81 9F), U+3000 (E3 80 80).
            let n1 = i + 1 < s.count ? s[i + 1] : 0
            let n2 = i + 2 < s.count ? s[i + 2] : 0
            switch b {
            case 0xC2 where n1 <= 0xA0: return false
            case 0xE1 where n1 == 0x9A && n2 == 0x80: return false
            case 0xE2 where n1 == 0x80 && isUnicodeSpace(0x2000 | UInt32(n2 & 0x3F)): return false
            case 0xE2 where n1 == 0x81 && n2 == 0x9F: return false
            case 0xE3 where n1 == 0x80 && n2 == 0x80: return false
            default: break
            }
            i += 1
        }
        return true
    }

    /// Trims surrounding whitespace; `nil` when empty.
    static func trimmed(_ text: String) -> String? {
        let t = text.trimmingASCIIWhitespace()
        return t.isEmpty ? nil : t
    }

    /// Plain text as HTML: escapes the characters HTML would read as markup.
    static func escapeHTML(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(decoding: escapeHTML($0), as: UTF8.self) }
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

    /// See `HTMLSniffer`: `<b>x</b>` is HTML, `<day>` and a lone `<table>` are text.
    static func looksLikeHTML(_ text: String) -> Bool { HTMLSniffer.looksLikeHTML(text) }

    /// Removes tags and comments, keeping the text between them. Line-breaking
    /// tags become spaces so words on either side do not run together.
    static func stripTags(_ html: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(html.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "<", i + 1 < scalars.count else { out.append(c); i += 1; continue }
            let n = scalars[i + 1]
            if n == "!", i + 3 < scalars.count, scalars[i + 2] == "-", scalars[i + 3] == "-" {
                i += 4
                while i < scalars.count, !(scalars[i] == "-" && i + 2 < scalars.count && scalars[i + 1] == "-" && scalars[i + 2] == ">") { i += 1 }
                i += 3
                continue
            }
            guard n.isASCII && (n.properties.isAlphabetic || n == "/" || n == "!" || n == "?") else {
                out.append(c); i += 1; continue
            }
            var name = ""
            var j = i + 1
            let closing = j < scalars.count && scalars[j] == "/"
            if closing { j += 1 }
            while j < scalars.count, scalars[j].isASCII, scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]) {
                name.unicodeScalars.append(scalars[j]); j += 1
            }
            while j < scalars.count, scalars[j] != ">" { j += 1 }
            let lowered = name.lowercased()
            if breakingTags.contains(lowered) { out.append(" ") }
            // A browser shows nothing of a script or style sheet: drop its text
            // too. Only when it is closed: in a title, an unclosed `<script>` is
            // more likely a word about scripts than the rest of the page.
            if !closing, hiddenTags.contains(lowered), scalars[j - 1] != "/",
               let end = closingTag(lowered, in: scalars, from: j + 1) {
                i = end
                continue
            }
            i = j + 1
        }
        return String(out)
    }

    /// Elements whose content is never displayed.
    private static let hiddenTags: Set<String> = ["script", "style"]

    /// Index just past `</name …>` at or after `from` (name matched in any case), or nil.
    private static func closingTag(_ name: String, in scalars: [Unicode.Scalar], from: Int) -> Int? {
        let pattern = Array(("</" + name).unicodeScalars)
        var k = from
        while k + pattern.count <= scalars.count {
            var matches = true
            for (offset, p) in pattern.enumerated() {
                let v = scalars[k + offset].value
                if (v >= 0x41 && v <= 0x5A ? v | 0x20 : v) != p.value { matches = false; break }
            }
            // `</scripts>` is not the end of a script.
            if matches, k + pattern.count < scalars.count {
                let next = scalars[k + pattern.count]
                if next.isASCII, next.properties.isAlphabetic || ("0"..."9").contains(next) { matches = false }
            }
            if matches {
                var e = k + pattern.count
                while e < scalars.count, scalars[e] != ">" { e += 1 }
                return min(e + 1, scalars.count)
            }
            k += 1
        }
        return nil
    }

    private static let breakingTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "table", "dd", "dt",
    ]
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let u = utf8
        var start = u.startIndex
        var end = u.endIndex
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        while start < end, isSpace(u[start]) { start = u.index(after: start) }
        while end > start, isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        if start == u.startIndex && end == u.endIndex { return self }
        return String(self[start..<end])
    }
}
