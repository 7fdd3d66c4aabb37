import Foundation
import Testing
import TidingsModel
import TidingsParse

@Suite struct FeedParserTests {
    private func parse(_ text: String, url: String? = nil) throws -> ParsedFeed {
        try FeedParser.parse(Array(text.utf8), documentURL: url, contentType: nil)
    }

    @Test(arguments: [
        ("", "not a feed: empty document"),
        ("  \n\t ", "not a feed: empty document"),
        ("<!DOCTYPE html><html><body>hi", "not a feed: the document is an HTML page (look for a <link rel=\"alternate\"> feed URL in it)"),
        ("<HTML><BODY>shouting</BODY></HTML>", "not a feed: the document is an HTML page (look for a <link rel=\"alternate\"> feed URL in it)"),
        ("<foo/>", "not a feed: root element <foo>"),
        ("[1, 2]", "not a feed: JSON that is not an object"),
        ("<?xml version=\"1.0\"?>\n<!-- nothing -->", "not a feed: empty document"),
        ("{\"a\": 1}", "not a feed: JSON without a JSON Feed \"version\""),
    ])
    func rejectsNonFeeds(_ input: String, _ message: String) {
        #expect(throws: FeedParseError(message)) { try parse(input) }
    }

    @Test func errorDescribesItself() {
        #expect(FeedParseError("not a feed: empty document").description == "not a feed: empty document")
    }

    @Test func sniffsContentNotURL() throws {
        let atom = try parse("<feed xmlns='http://www.w3.org/2005/Atom'><title>a</title></feed>", url: "http://example.org/rss.xml")
        #expect(atom.format == .atom10)
        let json = try parse("\u{FEFF}  {\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", url: "http://example.org/atom.xml")
        #expect(json.format == .jsonfeed)
    }

    @Test func baseURLIsTheBaseInEffectForContent() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
            <entry><id>1</id><content type="html" xml:base="posts/1/">&lt;img src="a.png"&gt;</content></entry>
            <entry xml:base="/other/"><id>2</id><summary>s</summary></entry>
            <entry><id>3</id></entry>
            </feed>
            """, url: "http://example.org/feed.atom")
        #expect(feed.entries.map(\.baseURL) == [
            "http://example.org/blog/posts/1/", "http://example.org/other/", "http://example.org/blog/",
        ])
        let rss = try parse("<rss><channel><item><description>x</description></item></channel></rss>", url: "http://example.org/f.xml")
        #expect(rss.entries.first?.baseURL == "http://example.org/f.xml")
    }

    @Test func readsDocumentsAcrossManyChunks() throws {
        // ~3 MB: a dozen 256 KB push-parser chunks, items straddling the boundaries.
        var doc = "<rss version=\"2.0\"><channel><title>Big</title>"
        for i in 0..<10_000 {
            doc += "<item><guid>id-\(i)</guid><title>Item \(i) 中文 ✓</title><description><![CDATA[<p>\(String(repeating: "x", count: 200))</p>]]></description></item>"
        }
        doc += "</channel></rss>"
        let feed = try parse(doc)
        #expect(feed.entries.count == 10_000)
        #expect(feed.entries.last?.title == "Item 9999 中文 ✓")
        #expect(feed.entries.allSatisfy { $0.summary?.bytes.count == 207 })
        #expect(feed.warnings.isEmpty)
    }

    @Test func isSafeToCallConcurrently() throws {
        let fixtures = GoldenFixtureTests.fixtures.filter { $0.hasSuffix(".xml") }
        let root = GoldenFixtureTests.root
        let documents = try fixtures.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + $0))) }
        let expected = documents.map { (try? FeedParser.parse($0, documentURL: "http://example.org/", contentType: nil))?.jsonData() }
        let results = ResultBox(count: documents.count * 8)
        DispatchQueue.concurrentPerform(iterations: documents.count * 8) { i in
            let doc = documents[i % documents.count]
            results.set(i, (try? FeedParser.parse(doc, documentURL: "http://example.org/", contentType: nil))?.jsonData())
        }
        for i in 0..<documents.count * 8 {
            #expect(results.get(i) == expected[i % documents.count], "\(fixtures[i % documents.count])")
        }
    }

    @Test func jsonOutputShape() throws {
        let feed = ParsedFeed(
            format: .rss20, title: "T \"q\" / ü", link: nil, description: nil, language: nil,
            updated: Date(timeIntervalSince1970: 0), image: "http://e/i.png",
            selfLink: "http://e/feed", hubs: ["http://h/1", "http://h/2"], rights: "© me",
            entries: [ParsedEntry(id: "1", title: "a\nb\u{01}", authors: ["A"], categories: [],
                                  enclosures: [Enclosure(url: "http://e/x", type: nil, length: 3)],
                                  duration: 61, explicit: false, commentCount: 0,
                                  location: GeoPoint(latitude: -33.5, longitude: 151))],
            warnings: ["w"])
        let json = String(decoding: feed.jsonData(), as: UTF8.self)
        #expect(json == """
            {
              "format": "rss20",
              "title": "T \\"q\\" / ü",
              "link": null,
              "description": null,
              "language": null,
              "updated": "1970-01-01T00:00:00Z",
              "image": "http://e/i.png",
              "selfLink": "http://e/feed",
              "hubs": [
                "http://h/1",
                "http://h/2"
              ],
              "rights": "© me",
              "entries": [
                {
                  "id": "1",
                  "title": "a\\nb\\u0001",
                  "link": null,
                  "published": null,
                  "updated": null,
                  "authors": [
                    "A"
                  ],
                  "summary": null,
                  "content": null,
                  "categories": [],
                  "enclosures": [
                    {
                      "url": "http://e/x",
                      "type": null,
                      "length": 3
                    }
                  ],
                  "image": null,
                  "duration": 61,
                  "explicit": false,
                  "rights": null,
                  "commentsURL": null,
                  "commentCount": 0,
                  "location": {
                    "latitude": -33.5,
                    "longitude": 151.0
                  }
                }
              ],
              "warnings": [
                "w"
              ]
            }

            """)
        // And it is valid JSON.
        #expect(try JSONSerialization.jsonObject(with: Data(feed.jsonData())) is [String: Any])
    }
}

/// Results written from concurrent iterations, one slot each.
private final class ResultBox: @unchecked Sendable {
    private var slots: [[UInt8]?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: [UInt8]?) { lock.lock(); slots[i] = value; lock.unlock() }
    func get(_ i: Int) -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
