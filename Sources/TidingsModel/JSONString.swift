/// JSON string literals, the one escaper for everything Tidings writes as JSON
/// (`tidings parse`, the static site's JSON Feed).
public enum JSONString {
    /// Appends `utf8` as a quoted JSON string: `"` `\` and control characters
    /// escaped (`\n`, `\r`, `\t`, else `\u00XX`). `safeForHTML` also escapes `<`
    /// (so `</script>` stays inert if the JSON is ever inlined in a page) and
    /// U+2028/U+2029 (line ends in JavaScript); readable output leaves them.
    public static func append(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], safeForHTML: Bool) {
        out.append(UInt8(ascii: "\""))
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xF)])
            case UInt8(ascii: "<") where safeForHTML:
                out.append(contentsOf: "\\u003c".utf8)
            // U+2028/U+2029 are E2 80 A8/A9 in UTF-8.
            case 0xE2 where safeForHTML && i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                out.append(contentsOf: (utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default:
                out.append(b)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A quoted JSON string for `s`.
    public static func literal(_ s: String, safeForHTML: Bool) -> String {
        var s = s
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + s.utf8.count / 8 + 2)
        s.withUTF8 { append($0, to: &out, safeForHTML: safeForHTML) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
