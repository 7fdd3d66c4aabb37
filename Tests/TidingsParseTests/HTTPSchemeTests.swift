import Testing
import TidingsModel

/// The one "is this a web link" test, used for permalink guids, the site's
/// republished links and scheme-insensitive identity.
@Suite struct HTTPSchemeTests {
    @Test(arguments: [
        ("http://example.org/", 7), ("https://example.org/", 8), ("HTTPS://Example.org", 8), ("hTtP://x", 7),
        ("http:/example.org", nil), ("https:example.org", nil), ("httpx://x", nil), ("ftp://x", nil),
        ("http", nil), ("", nil), ("javascript:alert(1)", nil), ("http\u{1A}//x", nil), (" http://x", nil),
        ("http://", 7), ("https://", 8), ("https:/", nil), ("http:/", nil), ("httpS://", 8), ("https\u{1A}//x", nil),
        ("http://日本.example/", 7), ("hätp://x", nil),
    ] as [(String, Int?)])
    func prefixLength(_ url: String, _ length: Int?) {
        #expect(HTTPScheme.prefixLength(url) == length)
        #expect(HTTPScheme.isWebLink(url) == (length != nil))
        // As `EntryIdentity` asks it: on a Substring, not at the start of its String.
        let id = ("id:" + url).dropFirst(3)
        #expect(HTTPScheme.prefixLength(id) == length)
        #expect(HTTPScheme.isWebLink(id) == (length != nil))
    }
}
