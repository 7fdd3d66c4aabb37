/// `http://` and `https://` at the start of a URL, in any case: the one test for
/// "a web link" (a guid that doubles as the permalink, links the static site
/// republishes, guids that are the same article under either scheme).
public enum HTTPScheme {
    /// 7 for `http://…`, 8 for `https://…`, nil for anything else.
    public static func prefixLength(_ url: some StringProtocol) -> Int? {
        var bytes = url.utf8.prefix(8).makeIterator()
        func next(_ expected: UInt8) -> Bool {
            guard let b = bytes.next() else { return false }
            return (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b) == expected
        }
        guard next(UInt8(ascii: "h")), next(UInt8(ascii: "t")), next(UInt8(ascii: "t")), next(UInt8(ascii: "p")) else { return nil }
        guard let fifth = bytes.next() else { return nil }
        let secure = fifth | 0x20 == UInt8(ascii: "s")
        guard secure || fifth == UInt8(ascii: ":") else { return nil }
        if secure { guard next(UInt8(ascii: ":")) else { return nil } }
        guard next(UInt8(ascii: "/")), next(UInt8(ascii: "/")) else { return nil }
        return secure ? 8 : 7
    }

    public static func isWebLink(_ url: some StringProtocol) -> Bool { prefixLength(url) != nil }
}
