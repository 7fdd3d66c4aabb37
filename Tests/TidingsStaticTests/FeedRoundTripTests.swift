import Foundation
import Testing
import TidingsModel
import TidingsParse
import TidingsStatic
import TidingsTestSupport

/// The Atom and JSON feeds the site publishes, read back by Tidings' own parser and by
/// Python's feedparser: both must see exactly the articles we meant, newest first, with
/// their titles, original links and dates.
@Suite struct FeedRoundTripTests {
    struct Seen: Decodable, Equatable {
        var id: String?
        var title: String?
        var link: String?
        var published: String?
        var updated: String?
    }

    struct PythonFeed: Decodable {
        var bozo: Bool
        var title: String?
        var entries: [Seen]
        var error: String?
    }

    /// What a reader should see for `articles` (newest first, at most feedItems).
    static func expected(_ articles: [Article]) -> [Seen] {
        articles.sorted { $0.date != $1.date ? $0.date > $1.date : $0.id < $1.id }
            .prefix(SiteFixture.options.feedItems)
            .map { article in
                Seen(id: "urn:tidings:article:" + article.id, title: article.displayTitle, link: article.webLink,
                     published: article.published?.iso8601UTC,
                     updated: (article.updated ?? article.published ?? article.date).iso8601UTC)
            }
    }

    /// (file in the site, the articles it should hold)
    static func cases(_ fixture: SiteFixture) -> [(String, [Article])] {
        let asia = Set(fixture.feeds.filter { $0.tags.contains("asia") }.map(\.url))
        return [
            ("atom.xml", fixture.articles),
            ("feed.json", fixture.articles),
            ("tags/asia.xml", fixture.articles.filter { asia.contains($0.feedURL) }),
            ("tags/asia.json", fixture.articles.filter { asia.contains($0.feedURL) }),
        ]
    }

    @Test func tidingsParserReadsBackWhatWeWrote() throws {
        let dir = TemporaryDirectory("static-roundtrip")
        let fixture = try SiteFixture()
        _ = try fixture.render(into: dir.path)
        for (file, articles) in Self.cases(fixture) {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir.file(file))))
            let parsed = try FeedParser.parse(bytes, documentURL: nil, contentType: nil)
            #expect(parsed.warnings.isEmpty, "\(file): \(parsed.warnings)")
            let seen = parsed.entries.map {
                Seen(id: $0.id, title: $0.title, link: $0.link, published: $0.published?.iso8601UTC, updated: $0.updated?.iso8601UTC)
            }
            #expect(seen == Self.expected(articles), "\(file)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3 and python3-feedparser"))
    func feedparserReadsTheSameEntries() throws {
        let dir = TemporaryDirectory("static-feedparser")
        let fixture = try SiteFixture()
        _ = try fixture.render(into: dir.path)
        for (file, articles) in Self.cases(fixture) {
            let run = try SiteFixture.runPython("read-feed.py", [dir.file(file)])
            #expect(run.status == 0, "\(file): \(run.stderr)")
            let feed = try JSONDecoder().decode(PythonFeed.self, from: Data(run.stdout.utf8))
            #expect(!feed.bozo, "\(file): \(feed.error ?? "")")
            #expect(feed.entries == Self.expected(articles), "\(file)")
        }
    }
}
