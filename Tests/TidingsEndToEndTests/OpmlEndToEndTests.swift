import Foundation
import Testing
import TidingsTestSupport

/// `tidings opml import|export`, `tidings add` and `tidings remove` through the real binary.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct OpmlEndToEndTests {
    @Test func exportPipedIntoImportGivesTheSameFeeds() throws {
        let dir = TemporaryDirectory("opml-e2e")
        try "https://a.example/feed.xml tech \"open source\" \"~Blog A\"\nhttps://b.example/rss news\n"
            .write(toFile: dir.file("feeds.txt"), atomically: true, encoding: .utf8)
        let export = try TidingsProcess.run(["opml", "export", "--feeds", dir.file("feeds.txt")])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("<opml version=\"2.0\">"))
        try export.stdout.write(toFile: dir.file("subs.opml"), atomically: true, encoding: .utf8)
        let imported = try TidingsProcess.run(["opml", "import", dir.file("subs.opml"), "--feeds", dir.file("new.txt")])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 feeds added"))
        let again = try TidingsProcess.run(["opml", "export", "--feeds", dir.file("new.txt")])
        #expect(again.stdout == export.stdout)
        let check = try TidingsProcess.run(["check", "--feeds", dir.file("new.txt")])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func addDiscoversTheFeedsOfAPage() throws {
        let h = try SyncHarness()
        h.publish("/blog/feed.atom", syntheticFeed(name: "atomish", count: 1))
        h.publish("/blog/comments.rss", syntheticFeed(name: "comments", count: 1))
        h.server.route("/blog/", LoopbackResponse(headers: ["Content-Type": "text/html; charset=utf-8"], body: """
            <!doctype html><html><head><title>Blog</title>
            <link rel="stylesheet" href="/style.css">
            <LINK REL="alternate" TYPE="application/atom+xml" TITLE="Posts" HREF="feed.atom">
            <link rel='alternate' type='application/rss+xml' title='Comments' href='/blog/comments.rss'>
            <link rel="alternate" type="application/rss+xml" title="Gone" href="/blog/missing.rss">
            </head><body>hi</body></html>
            """))
        let feeds = h.dir.file("feeds.txt")
        let listed = try TidingsProcess.run(["add", h.server.url("/blog/"), "--feeds", feeds])
        #expect(listed.status == 2, "two feeds and no --pick: list them and ask")
        #expect(listed.stdout.contains("1. \(h.server.url("/blog/feed.atom"))  (atomish)"), "\(listed.stdout)")
        #expect(listed.stdout.contains("2. \(h.server.url("/blog/comments.rss"))"), "\(listed.stdout)")
        #expect(!listed.stdout.contains("missing.rss"), "a link that is not a feed is not offered")
        let added = try TidingsProcess.run(["add", h.server.url("/blog/"), "reading", "--pick", "2", "--feeds", feeds])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try String(contentsOfFile: feeds, encoding: .utf8) == h.server.url("/blog/comments.rss") + " reading\n")
        let direct = try TidingsProcess.run(["add", h.server.url("/blog/feed.atom"), "--feeds", feeds])
        #expect(direct.status == 0 && direct.stdout.contains("added"), "\(direct.stdout)\(direct.stderr)")
        let twice = try TidingsProcess.run(["add", h.server.url("/blog/feed.atom"), "--feeds", feeds])
        #expect(twice.stdout.contains("already subscribed"))
        let removed = try TidingsProcess.run(["remove", h.server.url("/blog/comments.rss"), "--feeds", feeds])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try String(contentsOfFile: feeds, encoding: .utf8) == h.server.url("/blog/feed.atom") + "\n")
        #expect(try TidingsProcess.run(["remove", "nothing", "--feeds", feeds]).status == 1)
    }

    @Test func addFallsBackToCommonPaths() throws {
        let h = try SyncHarness()
        h.publish("/index.xml", syntheticFeed(name: "hugo", count: 1))
        h.server.route("/", LoopbackResponse(headers: ["Content-Type": "text/html"], body: "<html><body>no links</body></html>"))
        let feeds = h.dir.file("feeds.txt")
        let added = try TidingsProcess.run(["add", h.server.url("/"), "--feeds", feeds])
        #expect(added.status == 0, "\(added.stdout)\(added.stderr)")
        #expect(try String(contentsOfFile: feeds, encoding: .utf8) == h.server.url("/index.xml") + "\n")
    }
}
