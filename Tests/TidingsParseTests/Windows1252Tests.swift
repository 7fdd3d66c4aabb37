import Testing
import TidingsModel
import TidingsParse

/// windows-1252 as WHATWG decodes it, through every label that maps to it.
/// The expected text is written out here, independent of the decoder's table.
@Suite struct Windows1252Tests {
    /// 0x80–0x9F per the WHATWG index; the five undefined bytes are C1 controls.
    static let c1 = "\u{20AC}\u{81}\u{201A}\u{192}\u{201E}\u{2026}\u{2020}\u{2021}\u{2C6}\u{2030}\u{160}\u{2039}\u{152}\u{8D}\u{17D}\u{8F}"
        + "\u{90}\u{2018}\u{2019}\u{201C}\u{201D}\u{2022}\u{2013}\u{2014}\u{2DC}\u{2122}\u{161}\u{203A}\u{153}\u{9D}\u{17E}\u{178}"

    /// Every byte 0x80–0xFF inside an element id, which is only trimmed, so
    /// C1 controls survive and can be compared.
    private func document(declaring label: String?) -> [UInt8] {
        var bytes: [UInt8] = []
        if let label { bytes += Array("<?xml version=\"1.0\" encoding=\"\(label)\"?>\n".utf8) }
        bytes += Array("<rss version=\"2.0\"><channel><title>t</title><item><guid isPermaLink=\"false\">".utf8)
        bytes += Array(0x80...0xFF)
        bytes += Array("</guid><title>after</title></item><item><title>second</title></item></channel></rss>".utf8)
        return bytes
    }

    private var expected: String {
        Self.c1 + String(String.UnicodeScalarView((0xA0...0xFF).map { Unicode.Scalar(UInt32($0))! }))
    }

    @Test(arguments: [nil, "windows-1252", "iso-8859-1", "latin1", "us-ascii", "ascii", "cp1252"] as [String?])
    func decodesEveryByteAndReadsOn(_ label: String?) throws {
        let feed = try FeedParser.parse(document(declaring: label), documentURL: nil, contentType: nil)
        #expect(feed.entries.count == 2)
        #expect(feed.entries.first?.id == expected)
        #expect(feed.entries.first?.title == "after")
        #expect(feed.warnings.isEmpty)
    }

    /// ASCII is decoded eight bytes at a time: a non-ASCII byte at every
    /// position of such a word, and runs shorter than a word, come out right.
    @Test func nonASCIIAtEveryAlignment() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<rss version=\"2.0\"><channel>".utf8)
        var expected: [String] = []
        for position in 0..<19 {
            let ascii = String(repeating: "a", count: position)
            bytes += Array("<item><title>\(ascii)".utf8) + [0xE9, 0x80] + Array("\(ascii)z</title></item>".utf8)
            expected.append("\(ascii)\u{E9}\u{20AC}\(ascii)z")
        }
        bytes += Array("</channel></rss>".utf8)
        let feed = try FeedParser.parse(bytes, documentURL: nil, contentType: nil)
        #expect(feed.entries.map(\.title) == expected)
    }

    @Test func httpCharsetLabelToo() throws {
        let feed = try FeedParser.parse(document(declaring: nil), documentURL: nil, contentType: "text/xml; charset=ISO-8859-1")
        #expect(feed.entries.first?.id == expected)
        #expect(feed.entries.count == 2)
    }
}
