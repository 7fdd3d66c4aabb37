import Testing
@testable import TidingsDeliver

@Suite struct MailHeadersTests {
    @Test(arguments: [("", "811c9dc5"), ("a", "e40c292c"), ("foobar", "bf9cf968")])
    func fnv1aIsTheStandardOne(input: String, expected: String) {
        #expect(MailHeaders.fnv1a(input) == expected)
    }

    @Test(arguments: [
        ("https://blog.example.org/feed.xml", "blog-example-org."),
        ("https://EXAMPLE.org:8443/x", "example-org."),
        ("https://例え.jp/feed", "xn-r8jz45g-jp."),
        ("not a url", "feed."),
    ])
    func listIDIsADotAtom(feedURL: String, prefix: String) {
        let id = MailHeaders.listID(feedURL: feedURL)
        #expect(id.hasSuffix(".tidings"))
        #expect(id.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
        })
        #expect(id.hasPrefix(prefix), "\(id)")
    }

    @Test(arguments: [
        ("https://x.org/a b", "https://x.org/a%20b"),
        ("https://x.org/<script>", "https://x.org/%3Cscript%3E"),
        ("  https://x.org/\r\n", "https://x.org/"),
        ("", nil),
    ] as [(String, String?)])
    func urisArePrintableASCII(url: String, expected: String?) {
        #expect(MailHeaders.uri(url) == expected)
    }

    @Test func longEntryKeysAreCutAndStayUnique() {
        let a = MailHeaders.entryKey("id:" + String(repeating: "x", count: 2000) + "a")
        let b = MailHeaders.entryKey("id:" + String(repeating: "x", count: 2000) + "b")
        #expect(a.utf8.count < 900 + 100)
        #expect(a != b)
    }
}
