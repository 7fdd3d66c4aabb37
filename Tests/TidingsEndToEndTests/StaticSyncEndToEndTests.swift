import Foundation
import Testing
import TidingsTestSupport

/// `tidings sync --static DIR` through the real binary, on loopback feeds: the site is
/// written, a sync with nothing new rewrites no file, and new articles touch only the
/// pages that show them.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct StaticSyncEndToEndTests {
    static func site(_ h: SyncHarness, _ extra: [String] = []) throws -> TidingsProcess.Outcome {
        try TidingsProcess.run(["sync", "--feeds", h.feedsFile, "--state", h.state, "--static", h.dir.file("site")] + extra)
    }

    static func stamps(_ root: String) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var info = stat()
            guard stat(root + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            out[path] = [Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
        }
        return out
    }

    @Test func staticOnlySyncWritesTheSiteAndNoMaildir() throws {
        let h = try SyncHarness()
        for name in ["blog.rss", "releases.atom"] { try h.publishFixture(name) }
        try h.writeFeeds([h.server.url("/blog.rss") + " blog", h.server.url("/releases.atom") + " \"~Releases\" code"])
        let run = try Self.site(h)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("5 new articles delivered"), "\(run.stdout)")
        #expect(run.stdout.contains("static site"), "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: h.maildir), "no maildir without --maildir")
        let site = h.dir.file("site")
        let articles = try FileManager.default.contentsOfDirectory(atPath: site + "/articles").filter { $0.hasSuffix(".html") }
        #expect(articles.count == 5)
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("Release 2.0") && index.contains("First post &amp; hello"))
        #expect(FileManager.default.fileExists(atPath: site + "/feeds/releases.html"))
        #expect(FileManager.default.fileExists(atPath: site + "/tags/code.xml"))
        let opml = try String(contentsOfFile: site + "/feeds.opml", encoding: .utf8)
        #expect(opml.contains("title=\"Releases\"") && opml.contains("category=\"code\""))
    }

    @Test func aSecondSyncWithNothingNewRewritesNoFile() throws {
        let h = try SyncHarness()
        for name in ["blog.rss", "releases.atom", "chinese-gb18030.xml"] { try h.publishFixture(name) }
        try h.writeFeeds([h.server.url("/blog.rss"), h.server.url("/releases.atom"), h.server.url("/chinese-gb18030.xml") + " 中文"])
        #expect(try Self.site(h).status == 0)
        let before = Self.stamps(h.dir.file("site"))
        #expect(before.count > 20)
        usleep(20_000)
        let second = try Self.site(h)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("0 files written"), "\(second.stdout)")
        #expect(Self.stamps(h.dir.file("site")) == before, "no file may be rewritten (inode and mtime unchanged)")
    }

    @Test func newArticlesRewriteOnlyTheirPagesAndMailAndSiteBothGetThem() throws {
        let h = try SyncHarness()
        h.publish("/a.rss", syntheticFeed(name: "alpha", count: 3))
        h.publish("/b.rss", syntheticFeed(name: "beta", count: 3))
        try h.writeFeeds([h.server.url("/a.rss") + " one", h.server.url("/b.rss") + " two"])
        let first = try Self.site(h, ["--maildir", h.maildir])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try h.mail().all.count == 6, "--maildir with --static delivers to both")
        let before = Self.stamps(h.dir.file("site"))
        usleep(20_000)
        h.publish("/b.rss", syntheticFeed(name: "beta", count: 4))
        let second = try Self.site(h, ["--maildir", h.maildir])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try h.mail().all.count == 7)
        let after = Self.stamps(h.dir.file("site"))
        let changed = after.keys.filter { after[$0] != before[$0] && $0 != ".tidings-site" }
        #expect(changed.contains { $0.hasPrefix("articles/") })
        #expect(!changed.contains { $0.hasPrefix("feeds/alpha") || $0.hasPrefix("tags/one") }, "\(changed.sorted())")
        #expect(changed.count < before.count / 2, "\(changed.sorted())")
    }

    @Test func keepRemovesOldArticlesPagesAndCatchUpStillFillsTheSite() throws {
        let h = try SyncHarness()
        h.publish("/a.rss", syntheticFeed(name: "alpha", count: 5))
        try h.writeFeeds([h.server.url("/a.rss")])
        let first = try Self.site(h, ["--catch-up", "--keep", "3", "--maildir", h.maildir])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try h.mail().all.isEmpty, "--catch-up delivers no mail")
        let articles = try FileManager.default.contentsOfDirectory(atPath: h.dir.file("site/articles")).filter { $0.hasSuffix(".html") }
        #expect(articles.count == 3, "--keep 3 keeps the newest three")
        let bad = try Self.site(h, ["--keep", "soon"])
        #expect(bad.status != 0 && bad.stderr.contains("--keep"), "\(bad.stderr)")
    }

    @Test func keepByAgeDropsArticlesDatedBeforeTheWindow() throws {
        let h = try SyncHarness()
        h.publish("/dated.rss", Array("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Dated</title><link>https://dated.example/</link>
            <item><title>Ancient</title><link>https://dated.example/old</link><pubDate>Sat, 01 Jan 2000 00:00:00 +0000</pubDate></item>
            <item><title>Undated, so as new as its first sighting</title><link>https://dated.example/new</link></item>
            </channel></rss>
            """.utf8))
        try h.writeFeeds([h.server.url("/dated.rss")])
        let run = try Self.site(h, ["--keep", "30d"])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try String(contentsOfFile: h.dir.file("site/index.html"), encoding: .utf8)
        #expect(index.contains("Undated, so as new") && !index.contains("Ancient"))
        let articles = try FileManager.default.contentsOfDirectory(atPath: h.dir.file("site/articles")).filter { $0.hasSuffix(".html") }
        #expect(articles.count == 1)
    }
}
