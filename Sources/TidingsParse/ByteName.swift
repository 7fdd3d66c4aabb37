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
    /// `utf8.contains(byte)` with memchr over the contiguous storage: the
    /// generic `Sequence.contains` walks String indices one byte at a time and
    /// showed up at 2% of parse time on the 52 MB bench feed.
    func containsASCII(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }) {
            return found
        }
        return utf8.contains(byte)
    }
}
