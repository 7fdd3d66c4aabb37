import Testing
import TidingsModel

/// The one "is this a web link" test, used for permalink guids, the site's
/// republished links and scheme-insensitive identity.
@Suite struct HTTPSchemeTests {
    @Test(arguments: [
        ("http://example.org/", 7), ("https://example.org/", 8), ("HTTPS://Example.org", 8), ("hTtP://x", 7),
        ("http:/example.org", nil), ("https:example.org", nil), ("httpx://x", nil), ("ftp://x", nil),
        ("http", nil), ("", nil), ("javascript:alert(1)", nil), ("http\u{1A}//x", nil), (" http://x", nil),
    ] as [(String, Int?)])
    func prefixLength(_ url: String, _ length: Int?) {
        #expect(HTTPScheme.prefixLength(url) == length)
        #expect(HTTPScheme.isWebLink(url) == (length != nil))
    }
}
