import Foundation
import Testing
import TidingsModel
import TidingsParse

/// Hostile and oversized documents, built in memory at sizes fixtures should not have.
@Suite struct SafetyTests {
    private func parse(_ text: String) throws -> ParsedFeed {
        try FeedParser.parse(Array(text.utf8), documentURL: nil, contentType: nil)
    }

    private func elapsed(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func quadraticBlowupIsStoppedQuickly() throws {
        // 20 kB entity × 20,000 references = 400 MB if expanded.
        let big = String(repeating: "A", count: 20_000)
        let refs = String(repeating: "&big;", count: 20_000)
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>\(refs)</description></item></channel></rss>"
        var feed: ParsedFeed?
        let seconds = try elapsed { feed = try parse(doc) }
        #expect(seconds < 2)
        #expect(feed?.entries.count == 1)
        #expect((feed?.entries.first?.summary?.bytes.count ?? 0) < 1_000_000)
    }

    @Test func billionLaughsIsNotExpanded() throws {
        var decl = "<!ENTITY lol \"lol\">"
        for i in 1...9 {
            let previous = i == 1 ? "lol" : "lol\(i - 1)"
            decl += "<!ENTITY lol\(i) \"\(String(repeating: "&\(previous);", count: 10))\">"
        }
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(decl)]><rss><channel><item><title>&lol9;</title><description>&lol9;&lol9;</description></item></channel></rss>"
        var feed: ParsedFeed?
        let seconds = try elapsed { feed = try parse(doc) }
        #expect(seconds < 1)
        #expect(feed?.entries.count == 1)
        #expect(feed?.entries.first?.title == nil)
    }

    @Test func externalEntityIsNotRead() throws {
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&x;</title><item><title>a &x; b</title></item></channel></rss>"
        let json = String(decoding: try parse(doc).jsonData(), as: UTF8.self)
        #expect(!json.contains("root:"))
        #expect(try parse(doc).entries.first?.title == "a b")
    }

    @Test func deepNestingDoesNotCrash() throws {
        let deep = String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000)
        let feed = try parse("<rss><channel><item><title>kept</title></item><item><title>deep</title>\(deep)</item></channel></rss>")
        #expect(feed.entries.first?.title == "kept")
    }

    @Test func hugeFieldIsCapped() throws {
        let text = String(repeating: "abcdefgh", count: 400_000) // 3.2 MB in one description
        let feed = try parse("<rss><channel><item><description>\(text)</description></item></channel></rss>")
        let summary = try #require(feed.entries.first?.summary)
        #expect(summary.bytes.count <= 1 << 20)
        #expect(feed.warnings.contains { $0.contains("truncated") })
    }

    @Test func entryCountIsCapped() throws {
        let items = String(repeating: "<item><title>t</title></item>", count: 20_100)
        let feed = try parse("<rss><channel>\(items)</channel></rss>")
        #expect(feed.entries.count == 20_000)
        #expect(feed.warnings.contains { $0.contains("20000") })
    }

    @Test func everyTruncationOfARealFeedParsesWithoutCrashing() throws {
        let path = GoldenFixtureTests.root + "/rss/wordpress-realistic.xml"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let full = try FeedParser.parse(bytes, documentURL: nil, contentType: nil)
        for cut in stride(from: 1, to: bytes.count, by: 7) {
            guard let feed = try? FeedParser.parse(Array(bytes[..<cut]), documentURL: nil, contentType: nil) else { continue }
            // A cut-off document only ever loses entries, never invents or garbles them.
            #expect(feed.entries.count <= full.entries.count)
            for (partial, whole) in zip(feed.entries, full.entries) {
                #expect(partial == whole, "cut at \(cut)")
            }
        }
    }
}
