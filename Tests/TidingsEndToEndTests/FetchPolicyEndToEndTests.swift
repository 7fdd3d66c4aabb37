import Foundation
import Testing
import TidingsModel
import TidingsTestSupport

/// How a sync treats servers that say "gone", "wait", "moved" or ignore conditional
/// requests — checked through what the user sees: summary, error lines, feeds.txt, status.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct FetchPolicyEndToEndTests {
    @Test func aGoneFeedIsNotFetchedAgainUntilTheUserSaysSo() throws {
        let h = try SyncHarness()
        h.publish("/ok.xml", syntheticFeed(name: "ok", count: 2))
        h.server.route("/gone.xml", LoopbackResponse(status: 410, body: "gone"))
        try h.writeFeeds([h.server.url("/ok.xml"), h.server.url("/gone.xml")])
        let first = try h.sync()
        #expect(first.status == 1)
        #expect(first.stderr.contains("\(h.feedsFile):2: \(h.server.url("/gone.xml")): fetch: HTTP 410"), "\(first.stderr)")
        #expect(first.stderr.contains("--retry-gone"))
        h.server.resetRecords()
        let second = try h.sync()
        #expect(second.status == 1)
        #expect(second.stderr.contains("gone: the server said HTTP 410 Gone"), "\(second.stderr)")
        #expect(h.server.requests(to: "/gone.xml").isEmpty, "a gone feed is not fetched")
        #expect(h.server.requests(to: "/ok.xml").count == 1, "the other feeds still are")
        _ = try h.sync(["--retry-gone"])
        #expect(h.server.requests(to: "/gone.xml").count == 1)
    }

    @Test func retryAfterIsHonouredOnTheNextSync() throws {
        let h = try SyncHarness()
        h.publish("/ok.xml", syntheticFeed(name: "ok", count: 1))
        h.server.route("/busy.xml", LoopbackResponse(status: 429, headers: ["Retry-After": "3600"], body: "slow down"))
        try h.writeFeeds([h.server.url("/ok.xml"), h.server.url("/busy.xml")])
        let first = try h.sync()
        #expect(first.status == 1)
        #expect(first.stderr.contains("HTTP 429"), "\(first.stderr)")
        h.server.resetRecords()
        let second = try h.sync()
        #expect(second.status == 0, "waiting as asked is not a failure: \(second.stderr)")
        #expect(second.stdout.contains("1 deferred"), "\(second.stdout)")
        #expect(second.stderr.contains("asked to wait until"), "\(second.stderr)")
        #expect(h.server.requests(to: "/busy.xml").isEmpty)
    }

    @Test func aPermanentRedirectIsReportedAndRewrittenOnRequest() throws {
        let h = try SyncHarness()
        h.publish("/new.xml", syntheticFeed(name: "moved", count: 3))
        h.server.route("/old.xml", .redirect(to: h.server.url("/new.xml"), status: 301))
        h.server.route("/temp.xml", .redirect(to: h.server.url("/new-temp.xml"), status: 302))
        h.publish("/new-temp.xml", syntheticFeed(name: "temp", count: 1))
        try h.writeFeeds(["# my feeds", h.server.url("/old.xml") + "   news \"~Moved Blog\"  # keep me", h.server.url("/temp.xml")])
        let first = try h.sync()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("moved permanently to \(h.server.url("/new.xml")); run `tidings sync --rewrite-moved`"), "\(first.stderr)")
        #expect(!first.stderr.contains("new-temp.xml"), "a temporary redirect is not reported")
        let status = try TidingsProcess.run(["status", "--state", h.state])
        #expect(status.stdout.contains("moved to:   \(h.server.url("/new.xml"))"), "\(status.stdout)")

        let rewrite = try h.sync(["--rewrite-moved"])
        #expect(rewrite.stdout.contains("1 moved feed updated in feeds.txt"), "\(rewrite.stdout)")
        let text = try String(contentsOfFile: h.feedsFile, encoding: .utf8)
        #expect(text == "# my feeds\n" + h.server.url("/new.xml") + "   news \"~Moved Blog\"  # keep me\n" + h.server.url("/temp.xml") + "\n")
        h.server.resetRecords()
        let after = try h.sync()
        #expect(after.stdout.contains("0 new articles delivered"), "the moved feed keeps its history: \(after.stdout)")
        #expect(h.server.requests(to: "/old.xml").isEmpty)
        #expect(try h.mail().all.count == 4)
    }

    @Test func aServerIgnoringConditionalRequestsCostsNoParse() throws {
        let h = try SyncHarness()
        let body = syntheticFeed(name: "plain", count: 3)
        h.server.route("/plain.xml", LoopbackResponse(status: 200, headers: ["Content-Type": "application/rss+xml"], body: body))
        try h.writeFeeds([h.server.url("/plain.xml")])
        #expect(try h.sync().stdout.contains("3 new articles delivered"))
        let second = try h.sync()
        #expect(second.stdout.contains("1 unchanged"), "same bytes again count as unchanged: \(second.stdout)")
    }

    @Test func theUserAgentNamesTidingsAndTheContact() throws {
        let h = try SyncHarness()
        h.publish("/a.xml", syntheticFeed(name: "a", count: 1))
        try h.writeFeeds([h.server.url("/a.xml")])
        _ = try h.sync(["--contact", "me@example.org"])
        let agent = try #require(h.server.requests(to: "/a.xml").first?.header("User-Agent"))
        #expect(agent.hasPrefix("Tidings/"))
        #expect(agent.contains("me@example.org"))
    }

    @Test func credentialsInAFeedURLWorkAndAreNeverPrinted() throws {
        let h = try SyncHarness()
        h.server.route("/private.xml") { request in
            guard request.header("Authorization") == "Basic " + Data("reader:s3cret".utf8).base64EncodedString() else {
                return LoopbackResponse(status: 401, body: "who are you")
            }
            return LoopbackResponse(status: 200, body: syntheticFeed(name: "private", count: 2))
        }
        h.server.route("/denied.xml", LoopbackResponse(status: 401, body: "no"))
        let withCredentials = h.server.baseURL.replacingOccurrences(of: "http://", with: "http://reader:s3cret@")
        try h.writeFeeds([withCredentials + "/private.xml", withCredentials + "/denied.xml"])
        let run = try h.sync()
        #expect(run.stdout.contains("2 new articles delivered"), "\(run.stdout) \(run.stderr)")
        #expect(!run.stderr.contains("s3cret") && !run.stdout.contains("s3cret"), "\(run.stderr)")
        #expect(run.stderr.contains("reader:***@"), "\(run.stderr)")
        let status = try TidingsProcess.run(["status", "--state", h.state, "--json"])
        #expect(!status.stdout.contains("s3cret"))
    }
}

/// A feed's `<skipHours>` move its next due time (kept in the state for the daemon) to the
/// first hour it allows.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct SkipHoursEndToEndTests {
    @Test func theNextDueTimeAvoidsSkippedHours() throws {
        let h = try SyncHarness()
        let allowed = (CivilTime(Date()).hour + 3) % 24
        let skipped = (0..<24).filter { $0 != allowed }.map { "<hour>\($0)</hour>" }.joined()
        let xml = "<rss version=\"2.0\"><channel><title>quiet</title><skipHours>\(skipped)</skipHours>"
            + "<item><title>one</title><guid>q1</guid></item></channel></rss>"
        h.publish("/quiet.xml", Array(xml.utf8))
        try h.writeFeeds([h.server.url("/quiet.xml")])
        #expect(try h.sync().status == 0)
        let status = try TidingsProcess.run(["status", "--state", h.state, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        let dueText = try #require(rows.first?["next_due"] as? String)
        let due = try #require(ISO8601DateFormatter().date(from: dueText))
        #expect(CivilTime(due).hour == allowed && CivilTime(due).minute == 0, "next due \(due.iso8601UTC), the only allowed hour is \(allowed):00")
    }
}
