import Foundation
import Testing
import TidingsModel
import TidingsStatic
import TidingsTestSupport

/// Updates rewrite only what changed: nothing at all when nothing did (same inode, same
/// mtime for every file), and for a new article only the pages that list it.
@Suite struct IncrementalUpdateTests {
    struct Stamp: Equatable {
        var inode: UInt64
        var mtime: Int
        var nanoseconds: Int
    }

    static func stamps(_ root: String) -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        for path in SiteFixture.files(under: root) {
            var info = stat()
            guard stat(root + "/" + path, &info) == 0 else { continue }
            out[path] = Stamp(inode: UInt64(info.st_ino), mtime: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
        }
        return out
    }

    @Test func secondUpdateWithNothingNewRewritesNothing() throws {
        let dir = TemporaryDirectory("static-incremental")
        let fixture = try SiteFixture()
        let first = try fixture.render(into: dir.path)
        #expect(first.written > 20 && first.unchanged == 0)
        let before = Self.stamps(dir.path)
        usleep(20_000)
        let second = try fixture.render(into: dir.path)
        #expect(second.written == 0 && second.removed == 0, "\(second)")
        #expect(Self.stamps(dir.path) == before)
    }

    @Test func aNewArticleRewritesOnlyThePagesThatShowIt() throws {
        let dir = TemporaryDirectory("static-new-article")
        var fixture = try SiteFixture()
        _ = try fixture.render(into: dir.path)
        let before = Self.stamps(dir.path)
        usleep(20_000)
        let ja = try #require(fixture.feeds.first { $0.url.contains("example.jp") })
        // An older article in the Japanese feed: the index pages before it stay as they are.
        let article = Article(id: "00000000000000aa", feedURL: ja.url, title: "古い記事", link: "https://blog.example.jp/old",
                              published: Date(timeIntervalSince1970: 1_600_000_000), updated: nil,
                              date: Date(timeIntervalSince1970: 1_600_000_000), language: "ja", excerpt: "古い")
        fixture.articles.append(article)
        fixture.contents[article.id] = "<p>古い</p>"
        let outcome = try fixture.render(into: dir.path)
        let after = Self.stamps(dir.path)
        // The manifest (.tidings-site) changes too; it is not a page.
        let changed = Set(after.keys.filter { after[$0] != before[$0] && $0 != ".tidings-site" })
        #expect(changed.contains("articles/00000000000000aa.html"))
        // Pages of other feeds and their articles are untouched.
        let tech = try #require(fixture.feeds.first { $0.url.contains("tech.example") })
        for article in fixture.articles where article.feedURL == tech.url {
            #expect(!changed.contains("articles/\(article.id).html"))
        }
        #expect(changed.allSatisfy { !$0.hasPrefix("tags/tech") && !$0.hasPrefix("tags/programming") }, "\(changed.sorted())")
        #expect(outcome.written == changed.count, "\(outcome) \(changed.sorted())")
        #expect(outcome.written < before.count / 3, "\(outcome.written) of \(before.count) files rewritten: \(changed.sorted())")
    }

    @Test func articlesNoLongerGivenLoseTheirPages() throws {
        let dir = TemporaryDirectory("static-retention")
        var fixture = try SiteFixture()
        _ = try fixture.render(into: dir.path)
        let dropped = fixture.articles.removeLast()
        #expect(FileManager.default.fileExists(atPath: dir.file("articles/\(dropped.id).html")))
        let outcome = try fixture.render(into: dir.path)
        #expect(outcome.removed >= 1)
        #expect(!FileManager.default.fileExists(atPath: dir.file("articles/\(dropped.id).html")))
        #expect(!SiteFixture.files(under: dir.path).contains { $0.contains(".tmp-") }, "no temporary file is left behind")
    }

    @Test func filesTheSiteDidNotWriteAreLeftAlone() throws {
        let dir = TemporaryDirectory("static-foreign")
        try "mine".write(toFile: dir.file("README.txt"), atomically: true, encoding: .utf8)
        _ = try SiteFixture().render(into: dir.path)
        _ = try SiteFixture(only: ["ja.rss"]).render(into: dir.path)
        #expect(try String(contentsOfFile: dir.file("README.txt"), encoding: .utf8) == "mine")
    }
}
