/// `http://` and `https://` at the start of a URL, in any case: the one test for
/// "a web link" (a guid that doubles as the permalink, links the static site
/// republishes, guids that are the same article under either scheme).
public enum HTTPScheme {
    /// 7 for `http://…`, 8 for `https://…`, nil for anything else.
    ///
    /// Inlinable so that it is specialized where it is called (for `String`
    /// and `Substring`): unspecialized, the generic walk through `utf8` cost
    /// some 5,000 instructions per call.
    @inlinable
    public static func prefixLength(_ url: some StringProtocol) -> Int? {
        if let length = url.utf8.withContiguousStorageIfAvailable({ prefixLength(utf8: $0) }) { return length }
        return Array(url.utf8.prefix(8)).withUnsafeBufferPointer { prefixLength(utf8: $0) }
    }

    @inlinable
    public static func isWebLink(_ url: some StringProtocol) -> Bool { prefixLength(url) != nil }

    /// The same on the URL's UTF-8 bytes.
    @usableFromInline
    static func prefixLength(utf8 b: UnsafeBufferPointer<UInt8>) -> Int? {
        // `| 0x20` lower-cases a letter and changes no other byte into one.
        guard b.count >= 7, b[0] | 0x20 == UInt8(ascii: "h"), b[1] | 0x20 == UInt8(ascii: "t"),
              b[2] | 0x20 == UInt8(ascii: "t"), b[3] | 0x20 == UInt8(ascii: "p") else { return nil }
        if b[4] == UInt8(ascii: ":") {
            return b[5] == UInt8(ascii: "/") && b[6] == UInt8(ascii: "/") ? 7 : nil
        }
        guard b.count >= 8, b[4] | 0x20 == UInt8(ascii: "s"), b[5] == UInt8(ascii: ":"),
              b[6] == UInt8(ascii: "/"), b[7] == UInt8(ascii: "/") else { return nil }
        return 8
    }
}
