/// Serializes tags the way HTMLSafety and HTMLLinks emit them: lower-case names, double-quoted
/// attribute values with `&`, `"`, `<` and `>` escaped, so no value can end its tag early.
enum HTMLWriter {
    static func writeStartTag(_ tag: HTMLTag, into out: inout [UInt8]) {
        guard isSafeTagName(tag.name) else { return }
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: tag.name.utf8)
        for attribute in tag.attributes where isSafeName(attribute.name) {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: attribute.name.utf8)
            if let value = attribute.value {
                out.append(contentsOf: "=\"".utf8)
                escape(value, into: &out)
                out.append(UInt8(ascii: "\""))
            }
        }
        if tag.selfClosing { out.append(contentsOf: " /".utf8) }
        out.append(UInt8(ascii: ">"))
    }

    static func writeEndTag(_ name: String, into out: inout [UInt8]) {
        guard isSafeTagName(name) else { return }
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
    }

    /// Escapes text or an attribute value for HTML.
    static func escape(_ s: String, into out: inout [UInt8]) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            default: out.append(b)
            }
        }
    }

    static func escape(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        escape(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Tag soup like `<a"onclick=x>` yields names we will not write back.
    static func isSafeTagName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy {
            HTMLTokenizer.isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "_")
        }
    }

    /// Attribute names the tokenizer accepted but that would break re-serialization (`"`, `'`, `<`, `=`).
    private static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.utf8.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3D || $0 < 0x20 })
    }
}
