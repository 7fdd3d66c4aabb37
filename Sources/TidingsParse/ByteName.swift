import Glibc

/// Tag and namespace names compared as bytes, so no `String` is made for
/// elements nobody asked for.
enum ByteName {
    /// Element tables try several names in turn; most differ in the first
    /// byte, and names are short: an inline loop rather than a call to
    /// strcmp (1% of the samples of a parse were strcmp's). It stops at the
    /// first difference, so it never reads past `name`'s NUL.
    @inline(__always)
    static func equals(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let expected = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        guard name.pointee == expected.pointee else { return false }
        var i = 1
        while i < count {
            if name[i] != expected[i] { return false }
            i += 1
        }
        return name[count] == 0
    }

    /// ASCII case-insensitive, for HTML sniffing (`<HTML>`, `<Html>`).
    /// `literal` is lower-case ASCII letters.
    static func equalsIgnoringCase(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let expected = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        var i = 0
        while i < count {
            if ASCII.lowercased(name[i]) != expected[i] { return false }
            i += 1
        }
        return name[count] == 0
    }

    static func string(_ name: UnsafePointer<UInt8>) -> String { String(cString: name) }
}

extension String {
    /// The string's UTF-8 as one buffer, for the parser's byte code: its own
    /// storage when it has it (no copy, not even a retain), else a contiguous copy.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// `utf8.contains(byte)` with memchr: the generic `Sequence.contains`
    /// walks String indices one byte at a time and showed up at 2% of parse
    /// time on the 52 MB bench feed.
    func containsASCII(_ byte: UInt8) -> Bool {
        withUTF8Bytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }
}
