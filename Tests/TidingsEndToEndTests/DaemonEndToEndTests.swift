import Foundation
import Synchronization
import Testing
import TidingsTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real `tidings run` binary against a loopback server, driven by real signals.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct DaemonEndToEndTests {
    @Test func deliversThenPicksUpAnUpdateOnTheNextDueTime() throws {
        let h = try SyncHarness()
        h.publish("/a.xml", syntheticFeed(name: "a", count: 2))
        try h.writeFeeds([h.server.url("/a.xml")])
        let daemon = try h.startDaemon(["--every", "1s"])
        #expect(eventually { h.newMessages().count == 2 }, "\(daemon.stderr)")
        h.publish("/a.xml", syntheticFeed(name: "a", count: 3))
        #expect(eventually { h.newMessages().count == 3 }, "\(daemon.stderr)")
        // Conditional requests on the way: the unchanged feed was answered 304, not re-delivered.
        #expect(h.server.requests(to: "/a.xml").contains { $0.header("If-None-Match") != nil })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)
        #expect(h.tmpFiles().isEmpty)
    }

    @Test func sighupAddsFeedsAndABrokenFileKeepsTheOldListSigusr1FetchesNow() throws {
        let h = try SyncHarness()
        h.publish("/a.xml", syntheticFeed(name: "a", count: 1))
        h.publish("/b.xml", syntheticFeed(name: "b", count: 2))
        try h.writeFeeds([h.server.url("/a.xml")])
        let daemon = try h.startDaemon(["--every", "1h"])
        #expect(eventually { h.newMessages().count == 1 }, "\(daemon.stderr)")

        try h.writeFeeds([h.server.url("/a.xml"), h.server.url("/b.xml") + " every=1h"])
        daemon.signal(SIGHUP)
        #expect(eventually { h.newMessages().count == 3 }, "\(daemon.stderr)")
        #expect(daemon.stderr.contains("1 added, 0 removed"), "\(daemon.stderr)")

        try h.writeFeeds([h.server.url("/a.xml") + " every=soon"])
        daemon.signal(SIGHUP)
        #expect(eventually { daemon.stderr.contains("not reloaded") }, "\(daemon.stderr)")
        #expect(daemon.stderr.contains("every=soon is not a duration"), "\(daemon.stderr)")

        // Both feeds of the old list are still scheduled: SIGUSR1 fetches them now, not in an hour.
        let (a, b) = (h.requestCount("/a.xml"), h.requestCount("/b.xml"))
        daemon.signal(SIGUSR1)
        #expect(eventually { h.requestCount("/a.xml") == a + 1 && h.requestCount("/b.xml") == b + 1 }, "\(daemon.stderr)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)
    }

    @Test func systemdHearsReadyStatusWatchdogAndStopping() throws {
        let h = try SyncHarness()
        h.publish("/a.xml", syntheticFeed(name: "a", count: 1))
        try h.writeFeeds([h.server.url("/a.xml")])
        let socket = try FakeNotifySocket(path: h.dir.file("notify.sock"))
        let daemon = try h.startDaemon(["--every", "1h"], environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "200000"])
        #expect(eventually { socket.assignments.contains("READY=1") }, "\(daemon.stderr)")
        #expect(eventually { socket.assignments.filter { $0 == "WATCHDOG=1" }.count >= 3 })
        #expect(eventually { socket.assignments.contains { $0.hasPrefix("STATUS=1 feed; last pass") && $0.contains("1 new") } },
                "\(socket.assignments)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)
        #expect(socket.assignments.contains("STOPPING=1"))
    }

    @Test func sigtermLetsThePassInFlightFinishAndExitsZero() throws {
        let h = try SyncHarness()
        h.server.route("/slow.xml", LoopbackResponse(status: 200, body: syntheticFeed(name: "slow", count: 3), delay: 1.0))
        try h.writeFeeds([h.server.url("/slow.xml")])
        let daemon = try h.startDaemon(["--every", "1h"])
        #expect(eventually { h.requestCount("/slow.xml") == 1 })
        daemon.signal(SIGTERM)
        let started = Date()
        #expect(daemon.waitForExit(timeout: 10) == 0, "\(daemon.stderr)")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(h.newMessages().count == 3, "the pass in flight was finished")
        #expect(h.tmpFiles().isEmpty)
        #expect(daemon.stderr.contains("waiting up to 20s for the pass in flight"), "\(daemon.stderr)")
    }

    @Test func aRestartDoesNotRefetchFeedsThatAreNotDue() throws {
        let h = try SyncHarness()
        h.publish("/a.xml", syntheticFeed(name: "a", count: 1))
        h.publish("/b.xml", syntheticFeed(name: "b", count: 1))
        try h.writeFeeds([h.server.url("/a.xml")])
        let first = try h.startDaemon(["--every", "1h"])
        #expect(eventually { h.newMessages().count == 1 })
        first.signal(SIGTERM)
        #expect(first.waitForExit(timeout: 5) == 0)

        try h.writeFeeds([h.server.url("/a.xml"), h.server.url("/b.xml")])
        let second = try h.startDaemon(["--every", "1h"])
        #expect(eventually { h.newMessages().count == 2 }, "\(second.stderr)")
        usleep(300_000)
        #expect(h.requestCount("/a.xml") == 1, "a is due in an hour: not fetched again on restart")
        #expect(h.requestCount("/b.xml") == 1)
        second.signal(SIGTERM)
        #expect(second.waitForExit(timeout: 5) == 0)
    }

    @Test func aLongFailingFeedGetsOneNoticeAndOneRecoveryNotice() throws {
        let h = try SyncHarness()
        let broken = Mutex(true)
        let body = syntheticFeed(name: "flaky", count: 1)
        h.server.route("/flaky.xml") { _ in
            broken.withLock { $0 } ? LoopbackResponse(status: 500, body: "oops") : LoopbackResponse(status: 200, body: body)
        }
        try h.writeFeeds([h.server.url("/flaky.xml")])
        let daemon = try h.startDaemon(["--every", "1s", "--notify-after", "1s"])
        let failing = { h.newMessageTexts().filter { $0.contains("Subject: Feed failing since") } }
        let recovered = { h.newMessageTexts().filter { $0.contains("Subject: Feed works again") } }
        #expect(eventually(timeout: 15) { failing().count == 1 }, "\(daemon.stderr)")
        let notice = try h.mail().all.first { $0.subject?.hasPrefix("Feed failing since") == true }
        let text = notice?.parts.map(\.text).joined() ?? ""
        #expect(text.contains("HTTP 500"), "names the last error: \(text)")
        #expect(text.contains("line 1 of feeds.txt"), "says which line to fix: \(text)")
        #expect(h.requestCount("/flaky.xml") >= 2)
        broken.withLock { $0 = false }
        #expect(eventually(timeout: 15) { recovered().count == 1 }, "\(daemon.stderr)")
        #expect(eventually { h.newMessages().count == 3 }, "notice, recovery notice, and the article")
        daemon.signal(SIGUSR1)  // one more successful fetch: no further notice
        let fetched = h.requestCount("/flaky.xml")
        #expect(eventually { h.requestCount("/flaky.xml") > fetched })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)
        #expect(failing().count == 1 && recovered().count == 1)
    }

    @Test func aSyncWaitsForTheDaemonsLockAndJournalLinesCarryPriorities() throws {
        let h = try SyncHarness()
        h.publish("/a.xml", syntheticFeed(name: "a", count: 1))
        try h.writeFeeds([h.server.url("/a.xml")])
        let daemon = try h.startDaemon(["--every", "1h"], environment: ["JOURNAL_STREAM": "stderr"])
        #expect(eventually { h.newMessages().count == 1 })
        let sync = try TidingsProcess(["sync", "--feeds", h.feedsFile, "--state", h.state, "--maildir", h.maildir])
        usleep(500_000)
        #expect(sync.process.isRunning, "sync waits while the daemon holds the lock")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)
        let outcome = sync.wait()
        #expect(outcome.stderr.contains("another tidings process (pid \(daemon.pid)) is using the state directory"), "\(outcome.stderr)")
        #expect(outcome.status == 0)
        // Under the journal: the syslog priority first, no timestamp (journald adds its own).
        #expect(daemon.stderr.hasPrefix("<5>started: 1 feeds"), "\(daemon.stderr)")
        #expect(daemon.stderr.contains("\n<5>stopped\n"), "\(daemon.stderr)")
    }

    @Test func anInheritedJournalStreamIsIgnored() throws {
        let h = try SyncHarness()
        try h.writeFeeds([h.server.url("/none.xml")])
        let daemon = try h.startDaemon(["--every", "1h"], environment: ["JOURNAL_STREAM": "1:2"])
        #expect(eventually { daemon.stderr.contains("started") })
        daemon.signal(SIGINT)
        #expect(daemon.waitForExit(timeout: 5) == 0)
        #expect(daemon.stderr.contains("notice tidings"), "readable lines: \(daemon.stderr)")
        #expect(!daemon.stderr.contains("<5>"))
    }
}

/// `tidings run --static DIR`: the daemon keeps the static site current as well as the maildir.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct DaemonStaticSiteEndToEndTests {
    @Test func theDaemonPublishesNewArticlesOnTheSite() throws {
        let h = try SyncHarness()
        h.publish("/a.xml", syntheticFeed(name: "a", count: 2))
        try h.writeFeeds([h.server.url("/a.xml")])
        let site = h.dir.file("site")
        let daemon = try h.startDaemon(["--every", "1s", "--static", site])
        #expect(eventually { h.newMessages().count == 2 }, "\(daemon.stderr)")
        #expect(eventually { (try? String(contentsOfFile: site + "/index.html", encoding: .utf8))?.contains("a item 1") == true },
                "\(daemon.stderr)")
        h.publish("/a.xml", syntheticFeed(name: "a", count: 3))
        #expect(eventually { (try? String(contentsOfFile: site + "/atom.xml", encoding: .utf8))?.contains("a item 2") == true },
                "\(daemon.stderr)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)
    }
}

/// `tidings run --adaptive MIN-MAX`: a feed posting every ten minutes is next due in about
/// five (half its gap, plus at most 10% jitter), as the stored schedule shows.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct DaemonAdaptiveEndToEndTests {
    @Test func aFeedThatPostsOftenIsCheckedOften() throws {
        let h = try SyncHarness()
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>busy</title>"
        for i in 0..<6 {
            let minute = 50 - i * 10
            xml += "<item><title>post \(i)</title><guid>busy-\(i)</guid><pubDate>Sun, 01 Nov 2026 10:\(minute < 10 ? "0" : "")\(minute):00 +0000</pubDate></item>"
        }
        xml += "</channel></rss>"
        h.publish("/busy.xml", Array(xml.utf8))
        try h.writeFeeds([h.server.url("/busy.xml")])
        let daemon = try h.startDaemon(["--every", "6h", "--adaptive", "1m-1d"])
        #expect(eventually { h.newMessages().count == 6 }, "\(daemon.stderr)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)
        let status = try TidingsProcess.run(["status", "--state", h.state, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first)
        let formatter = ISO8601DateFormatter()
        let fetched = try #require((row["last_fetch"] as? String).flatMap(formatter.date(from:)))
        let due = try #require((row["next_due"] as? String).flatMap(formatter.date(from:)))
        let delay = due.timeIntervalSince(fetched)
        #expect(delay >= 299 && delay <= 331, "next due after \(delay) s, expected 300–330 s rather than the 6 h default")
    }
}
