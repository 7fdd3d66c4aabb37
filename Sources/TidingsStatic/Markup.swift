import Foundation
import TidingsModel

/// Escaping for everything the site writes: HTML text and attributes, XML (Atom, OPML), JSON.
enum Markup {
    /// Text or an attribute value in HTML or XML. Characters XML 1.0 forbids (C0 controls other
    /// than tab, newline and return; U+FFFE/U+FFFF) are dropped: one stray control character
    /// from a feed would otherwise make the whole Atom document ill-formed.
    /// Works on UTF-8 bytes: a full render escapes every article's content twice (Atom and
    /// JSON Feed), and appending scalar by scalar to a String was a tenth of the render time.
    static func escape(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes in
            guard bytes.contains(where: needsXMLEscape) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                case 0x09, 0x0A, 0x0D: out.append(b)
                case 0x00..<0x20: break
                // U+FFFE and U+FFFF are EF BF BE / EF BF BF in UTF-8.
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    @inline(__always) private static func needsXMLEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == 0xEF
    }

    /// A JSON string literal, quotes included, safe to inline in a page.
    static func json(_ s: String) -> String { JSONString.literal(s, safeForHTML: true) }

    /// `YYYY-MM-DD` (UTC), what listings show.
    static func day(_ date: Date) -> String { String(date.iso8601UTC.prefix(10)) }

    /// RFC 3339 (UTC), for Atom, JSON Feed and `<time datetime>`.
    static func timestamp(_ date: Date) -> String { date.iso8601UTC }
}
