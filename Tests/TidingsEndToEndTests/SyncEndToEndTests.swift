import Foundation
import Testing
import TidingsTestSupport

/// The whole path a user walks: feeds.txt → `tidings sync` → maildir, with real HTTP on
/// loopback, a real SQLite file and the mail read back by Python's email package.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct SyncEndToEndTests {
    @Test func firstSyncDeliversEveryArticleAndNamesTheFeedsThatFailed() throws {
        let h = try SyncHarness()
        for name in ["blog.rss", "releases.atom", "chinese-gb18030.xml"] { try h.publishFixture(name) }
        try h.publishFixture("not-a-feed.html", contentType: "text/html")
        try h.writeFeeds([
            "# fixtures",
            h.server.url("/blog.rss") + " blog",
            h.server.url("/releases.atom") + " \"~Releases\"",
            h.server.url("/missing.xml"),
            h.server.url("/chinese-gb18030.xml") + " 中文",
            h.server.url("/not-a-feed.html"),
        ])
        let run = try h.sync()
        #expect(run.status == 1, "some feeds failed: exit 1\n\(run.stderr)")
        #expect(run.stdout.contains("3 of 5 feeds ok, 2 failed"), "\(run.stdout)")
        #expect(run.stdout.contains("7 new articles delivered"), "\(run.stdout)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(h.feedsFile):4: \(h.server.url("/missing.xml")): fetch: HTTP 404") }, "\(run.stderr)")
        #expect(lines.contains { $0.hasPrefix("\(h.feedsFile):6: \(h.server.url("/not-a-feed.html")): parse: ") }, "\(run.stderr)")

        let mail = try h.mail()
        #expect(mail.tmp.isEmpty)
        let subjects = Set(mail.all.compactMap(\.subject))
        let expected = try ["blog.rss", "releases.atom", "chinese-gb18030.xml"].flatMap(h.expectedSubjects)
        #expect(subjects == Set(expected))
        #expect(mail.all.count == expected.count)
        for message in mail.all { #expect(message.defects.isEmpty, "\(message.subject ?? ""): \(message.defects)") }

        let chinese = try #require(mail.all.first { $0.subject == "今日要闻：𠮷野家开张 😀" })
        #expect(chinese.header("From")?.contains("中文新闻") == true, "\(chinese.headers)")
        #expect(chinese.parts.contains { $0.text.contains("北京时间上午八点，新店开张。") })
        let release = try #require(mail.all.first { $0.subject == "Release 2.0" })
        #expect(release.header("From")?.contains("Releases") == true, "the ~title from feeds.txt names the feed")
        let html = try #require(release.parts.first { $0.type == "text/html" })
        #expect(html.text.contains("https://code.example.com/project/changelog#2.0"), "relative links made absolute")
    }

    @Test func secondSyncSendsConditionalRequestsAndDeliversNothing() throws {
        let h = try SyncHarness()
        for name in ["blog.rss", "releases.atom"] { try h.publishFixture(name) }
        try h.writeFeeds([h.server.url("/blog.rss"), h.server.url("/releases.atom")])
        #expect(try h.sync().status == 0)
        h.server.resetRecords()
        let second = try h.sync()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("2 unchanged"), "\(second.stdout)")
        #expect(second.stdout.contains("0 new articles delivered"), "\(second.stdout)")
        #expect(h.server.requests.count == 2)
        for request in h.server.requests { #expect(request.header("If-None-Match") != nil, "\(request.path)") }
        #expect(try h.mail().all.count == 5)
    }

    @Test func onlyNewArticlesArriveWhenAFeedChanges() throws {
        let h = try SyncHarness()
        h.publish("/feed.xml", syntheticFeed(name: "grow", count: 5))
        try h.writeFeeds([h.server.url("/feed.xml")])
        #expect(try h.sync().status == 0)
        // Two new items appear and the two oldest drop out, as feeds keep a window.
        h.publish("/feed.xml", syntheticFeed(name: "grow", first: 2, count: 5))
        let run = try h.sync()
        #expect(run.stdout.contains("2 new articles delivered"), "\(run.stdout)")
        let subjects = try h.mail().all.compactMap(\.subject).sorted()
        #expect(subjects == (0..<7).map { "grow item \($0)" })
        // An article that left the feed and comes back is not delivered again.
        h.publish("/feed.xml", syntheticFeed(name: "grow", first: 0, count: 7))
        #expect(try h.sync().stdout.contains("0 new articles delivered"))
    }

    @Test func guidsMovingFromHTTPToHTTPSAreNotNewArticles() throws {
        let h = try SyncHarness()
        func feed(scheme: String, items: ClosedRange<Int>) -> [UInt8] {
            var xml = "<rss version=\"2.0\"><channel><title>Moved</title>"
            for i in items {
                xml += "<item><title>post \(i)</title><guid>\(scheme)://moved.example/?p=\(i)</guid></item>"
            }
            return Array((xml + "</channel></rss>").utf8)
        }
        h.publish("/feed.xml", feed(scheme: "http", items: 1...3))
        try h.writeFeeds([h.server.url("/feed.xml")])
        #expect(try h.sync().status == 0)
        // The site moved to https and its guids followed; one post is really new.
        h.publish("/feed.xml", feed(scheme: "https", items: 1...4))
        let moved = try h.sync()
        #expect(moved.stdout.contains("1 new article delivered"), "\(moved.stdout)")
        #expect(try h.mail().all.compactMap(\.subject).sorted() == ["post 1", "post 2", "post 3", "post 4"])
        // And back again (a misconfigured mirror): still nothing new.
        h.publish("/feed.xml", feed(scheme: "http", items: 1...4))
        #expect(try h.sync().stdout.contains("0 new articles delivered"))
    }

    @Test func catchUpRecordsArticlesWithoutDeliveringThem() throws {
        let h = try SyncHarness()
        h.publish("/feed.xml", syntheticFeed(name: "busy", count: 10))
        try h.writeFeeds([h.server.url("/feed.xml")])
        let run = try h.sync(["--catch-up"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("10 articles marked as seen"), "\(run.stdout)")
        #expect(try h.mail().all.isEmpty)
        h.publish("/feed.xml", syntheticFeed(name: "busy", count: 11))
        #expect(try h.sync().stdout.contains("1 new article delivered"))
        #expect(try h.mail().all.compactMap(\.subject) == ["busy item 10"])
    }

    @Test func aBadFeedsLineStopsBeforeFetchingAnything() throws {
        let h = try SyncHarness()
        h.publish("/feed.xml", syntheticFeed(name: "x", count: 1))
        try h.writeFeeds([h.server.url("/feed.xml"), h.server.url("/other.xml") + " every=sometimes"])
        let run = try h.sync()
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(h.feedsFile):2: \(h.server.url("/other.xml")): config: every=sometimes is not a duration"), "\(run.stderr)")
        #expect(h.server.requests.isEmpty)
    }

    @Test func aLocalPathFeedIsReadRelativeToFeedsTxt() throws {
        let h = try SyncHarness()
        try FileManager.default.createDirectory(atPath: h.dir.file("local"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(SyncHarness.fixtures)/blog.rss", toPath: h.dir.file("local/blog.rss"))
        try h.writeFeeds(["local/blog.rss"])
        let run = try h.sync()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Set(try h.mail().all.compactMap(\.subject)) == Set(try h.expectedSubjects("blog.rss")))
    }

    @Test func checkValidatesWithoutFetching() throws {
        let h = try SyncHarness()
        try h.writeFeeds([h.server.url("/a.xml") + " tag", "nonsense.example/feed"])
        let bad = try TidingsProcess.run(["check", "--feeds", h.feedsFile])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(h.feedsFile):2: config: 'nonsense.example/feed' has no scheme"), "\(bad.stderr)")
        try h.writeFeeds([h.server.url("/a.xml") + " tag"])
        let good = try TidingsProcess.run(["check", "--feeds", h.feedsFile])
        #expect(good.status == 0)
        #expect(good.stdout.contains("1 feed, no errors"))
        #expect(h.server.requests.isEmpty)
    }

    @Test func statusShowsFailingFeedsFirstWithTheirError() throws {
        let h = try SyncHarness()
        h.publish("/ok.xml", syntheticFeed(name: "ok", count: 2))
        try h.writeFeeds([h.server.url("/ok.xml"), h.server.url("/gone.xml")])
        _ = try h.sync()
        let status = try TidingsProcess.run(["status", "--state", h.state])
        #expect(status.status == 0)
        let failing = try #require(status.stdout.range(of: "FAILING  \(h.server.url("/gone.xml"))"))
        let ok = try #require(status.stdout.range(of: "ok  \(h.server.url("/ok.xml"))"))
        #expect(failing.lowerBound < ok.lowerBound)
        #expect(status.stdout.contains("HTTP 404"))
        let json = try TidingsProcess.run(["status", "--state", h.state, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows.first { $0["url"] as? String == h.server.url("/ok.xml") }?["entries"] as? Int == 2)
    }

    @Test func parsePrintsTheFeedAsJSON() throws {
        let run = try TidingsProcess.run(["parse", "\(SyncHarness.fixtures)/releases.atom"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "atom10")
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.first?["title"] as? String == "Release 2.0")
        #expect(entries.first?["link"] as? String == "https://code.example.com/project/releases/2.0")
        let html = try TidingsProcess.run(["parse", "\(SyncHarness.fixtures)/not-a-feed.html"])
        #expect(html.status == 1)
        #expect(html.stderr.contains("not a feed"), "\(html.stderr)")
    }
}

/// Two syncs on one state directory: the second says who holds it and waits, and
/// between them every article is delivered once.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct StateLockEndToEndTests {
    @Test func aSecondSyncWaitsForTheFirst() throws {
        let h = try SyncHarness()
        let body = syntheticFeed(name: "slow", count: 4)
        h.server.route("/slow.xml", LoopbackResponse(status: 200, body: body, delay: 1.5))
        try h.writeFeeds([h.server.url("/slow.xml")])
        let first = try TidingsProcess(["sync", "--feeds", h.feedsFile, "--state", h.state, "--maildir", h.maildir])
        usleep(400_000)
        let second = try h.sync()
        let firstOutcome = first.wait()
        #expect(second.stderr.contains("another tidings process (pid \(first.process.processIdentifier)) is using the state directory"),
                "\(second.stderr)")
        #expect(second.stderr.contains("waiting for it to finish"))
        #expect(firstOutcome.stdout.contains("4 new articles delivered"), "\(firstOutcome.stdout)")
        #expect(second.stdout.contains("0 new articles delivered"), "\(second.stdout)")
        #expect(try h.mail().all.count == 4)
    }
}
