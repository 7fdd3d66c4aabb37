import Foundation
import Testing
import TidingsTestSupport

/// One sync against servers that hang, drip, never stop, bomb, reset or lie: each bad
/// feed gets its own line naming it and what went wrong, the sync ends within its limits,
/// and the good feeds in the same sync are delivered.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct HostileServerEndToEndTests {
    @Test func badServersFailAloneAndQuickly() throws {
        let h = try SyncHarness()
        h.publish("/good1.xml", syntheticFeed(name: "good1", count: 3))
        h.publish("/good2.xml", syntheticFeed(name: "good2", count: 2))
        h.server.route("/hang.xml", .hang)
        h.server.route("/drip.xml", .drip(bytesPerSecond: 1, body: syntheticFeed(name: "drip", count: 1)))
        h.server.route("/endless.xml", .endless)
        h.server.route("/bomb.xml", .gzipped(LoopbackGzip.zeros(count: 8_000_000), headers: ["Content-Type": "application/rss+xml"]))
        h.server.route("/reset.xml", .resetMidBody())
        h.server.route("/liar.xml", .wrongContentLength(body: syntheticFeed(name: "liar", count: 2)))
        h.server.route("/error.xml", LoopbackResponse(status: 500, body: "oops"))
        h.server.route("/closed.xml", .closeWithoutAnswer)
        let bad = ["hang", "drip", "endless", "bomb", "reset", "liar", "error", "closed"]
        try h.writeFeeds([h.server.url("/good1.xml")] + bad.map { h.server.url("/\($0).xml") } + [h.server.url("/good2.xml")])

        let started = Date()
        let run = try h.sync(["--timeout", "4s", "--max-size", "1MB", "--low-speed-time", "2s"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 15, "the sync ended within its limits (\(elapsed) s)")
        #expect(run.status == 1)
        #expect(run.stdout.contains("2 of 10 feeds ok, 8 failed, 5 new articles delivered"), "\(run.stdout)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        for (offset, name) in bad.enumerated() {
            let prefix = "\(h.feedsFile):\(offset + 2): \(h.server.url("/\(name).xml")): fetch: "
            #expect(lines.contains { $0.hasPrefix(prefix) }, "no line for \(name) in:\n\(run.stderr)")
        }
        #expect(lines.contains { $0.contains("/bomb.xml") && $0.contains("1 MB") }, "the bomb names the size limit:\n\(run.stderr)")
        #expect(lines.contains { $0.contains("/hang.xml") && ($0.contains("timed out") || $0.contains("too slow")) }, "\(run.stderr)")
        #expect(lines.contains { $0.contains("/error.xml") && $0.contains("HTTP 500") }, "\(run.stderr)")
        #expect(Set(try h.mail().all.compactMap(\.subject)).count == 5)

        let status = try TidingsProcess.run(["status", "--state", h.state])
        #expect(status.stdout.components(separatedBy: "FAILING").count - 1 == 8, "\(status.stdout)")
    }
}
