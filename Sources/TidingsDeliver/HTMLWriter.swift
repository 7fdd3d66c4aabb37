/// Serializes tags the way HTMLSafety and HTMLLinks emit them: lower-case names, double-quoted
/// attribute values with `&`, `"`, `<` and `>` escaped, so no value can end its tag early.
enum HTMLWriter {
    /// `<name`; false (and nothing written) when the name is not one we write back, in which
    /// case the whole tag is dropped.
    static func openStartTag(_ name: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        guard isSafeTagName(name) else { return false }
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name)
        return true
    }

    /// ` name="value"` (or ` name` for a bare attribute); nothing for a name that would break
    /// re-serialization.
    static func writeAttribute(_ name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>?, into out: inout [UInt8]) {
        guard isSafeName(name) else { return }
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: name)
        if let value {
            out.append(UInt8(ascii: "=")); out.append(UInt8(ascii: "\""))
            escape(value, into: &out)
            out.append(UInt8(ascii: "\""))
        }
    }

    static func closeStartTag(selfClosing: Bool, into out: inout [UInt8]) {
        if selfClosing { out.append(UInt8(ascii: " ")); out.append(UInt8(ascii: "/")) }
        out.append(UInt8(ascii: ">"))
    }

    static func writeEndTag(_ name: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard isSafeTagName(name) else { return }
        out.append(UInt8(ascii: "<")); out.append(UInt8(ascii: "/"))
        out.append(contentsOf: name)
        out.append(UInt8(ascii: ">"))
    }

    /// Escapes text or an attribute value for HTML; runs without special bytes are copied in bulk.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let count = bytes.count
        while i < count {
            var j = i
            while j < count && !needsEscape(bytes[j]) { j += 1 }
            if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
            guard j < count else { return }
            switch bytes[j] {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            default: out.append(contentsOf: "&gt;".utf8)
            }
            i = j + 1
        }
    }

    static func escape(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { escape($0, into: &out) }
    }

    static func escape(_ bytes: [UInt8], into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { escape($0, into: &out) }
    }

    static func escape(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        escape(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `"` `&` `<` `>`: all in 0x20–0x3F, so one range check and a bit mask (no table to load).
    @inline(__always) private static func needsEscape(_ b: UInt8) -> Bool {
        b &- 0x20 < 0x20 && (UInt32(0x5000_0044) >> UInt32(b &- 0x20)) & 1 != 0
    }

    /// Tag soup like `<a"onclick=x>` yields names we will not write back.
    static func isSafeTagName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        !name.isEmpty && name.allSatisfy {
            HTMLTokenizer.isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "_")
        }
    }

    /// Attribute names the tokenizer accepted but that would break re-serialization (`"`, `'`, `<`, `=`).
    private static func isSafeName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        !name.isEmpty && !name.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3D || $0 < 0x20 })
    }
}
