import Foundation
import Testing
import TidingsTestSupport

/// Exactly-once delivery under `kill -9`: whatever moment a sync dies, the next sync
/// leaves every article delivered once — never zero times, never twice.
@Suite(.enabled(if: TidingsProcess.isBuilt, "build the tidings binary first (swift build)"))
struct CrashRecoveryTests {
    static let feeds = 12
    static let items = 25

    func harness() throws -> SyncHarness {
        let h = try SyncHarness()
        var lines: [String] = []
        for f in 0..<Self.feeds {
            h.publish("/f\(f).xml", syntheticFeed(name: "feed\(f)", count: Self.items))
            lines.append(h.server.url("/f\(f).xml"))
        }
        try h.writeFeeds(lines)
        return h
    }

    /// Every article exactly once, nothing stranded in tmp/.
    func expectExactlyOnce(_ h: SyncHarness, _ context: String, items: Int = items, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mail = try h.mail()
        let ids = mail.all.compactMap(\.messageID)
        let subjects = mail.all.compactMap(\.subject)
        #expect(ids.count == Self.feeds * items, "\(context): \(ids.count) messages", sourceLocation: sourceLocation)
        #expect(Set(ids).count == ids.count, "\(context): duplicate Message-IDs", sourceLocation: sourceLocation)
        #expect(Set(subjects).count == Self.feeds * items, "\(context): missing or duplicate articles", sourceLocation: sourceLocation)
        #expect(mail.tmp.isEmpty, "\(context): left in tmp/: \(mail.tmp)", sourceLocation: sourceLocation)
    }

    static func count(_ directory: String) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: directory).count) ?? 0
    }

    /// Dies at each step of the delivery protocol, in the first and in a later batch.
    @Test(arguments: ["after-stage:1", "after-record:1", "after-publish:1", "after-stage:3", "after-record:4", "after-publish:2"])
    func killedAtAStepOfDelivery(_ failpoint: String) throws {
        let h = try harness()
        let crashed = try h.sync(["--batch-size", "40", "--jobs", "4"], environment: ["TIDINGS_FAILPOINT": failpoint])
        #expect(crashed.signalled, "the fail point \(failpoint) was reached: \(crashed.stdout) \(crashed.stderr)")
        let after = try h.sync(["--batch-size", "40"])
        #expect(after.status == 0, "\(after.stderr)")
        try expectExactlyOnce(h, failpoint)
        let again = try h.sync()
        #expect(again.stdout.contains("0 new articles delivered"), "\(again.stdout)")
        try expectExactlyOnce(h, failpoint + " then another sync")
    }

    /// kill -9 at many moments of real syncs, many times in a row on one state, then one
    /// clean sync. Rounds go on until ten kills have interrupted a delivery in progress
    /// (the machine's load decides how many rounds that takes), so the test never passes
    /// vacuously by killing processes that had finished or not yet begun.
    @Test func killedAtRandomMomentsManyTimes() throws {
        let h = try harness()
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        var items = Self.items
        var round = 0
        while interrupted < 10 && round < 60 {
            // New articles every round, so every sync has deliveries to be interrupted in.
            if round > 0 {
                items += 4
                for f in 0..<Self.feeds { h.publish("/f\(f).xml", syntheticFeed(name: "feed\(f)", count: items)) }
            }
            let process = try TidingsProcess(["sync", "--feeds", h.feedsFile, "--state", h.state, "--maildir", h.maildir,
                                              "--batch-size", "\(5 + round % 10 * 7)", "--jobs", "2"])
            // Wait until this sync has begun writing messages, then kill it a random moment later.
            let before = Self.count(h.maildir + "/new")
            let deadline = Date().addingTimeInterval(20)
            while process.process.isRunning, Date() < deadline,
                  Self.count(h.maildir + "/tmp") == 0, Self.count(h.maildir + "/new") == before {
                usleep(300)
            }
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(process.process.processIdentifier, SIGKILL)
            let killed = process.wait().signalled
            // Interrupted inside the delivery protocol: messages staged but not published, or
            // some of this round's articles published and others not.
            let delivered = Self.count(h.maildir + "/new")
            if killed && (Self.count(h.maildir + "/tmp") > 0 || (delivered > before && delivered < Self.feeds * items)) {
                interrupted += 1
            }
            round += 1
        }
        #expect(interrupted == 10, "only \(interrupted) of \(round) kills interrupted a delivery in progress")
        let final = try h.sync()
        #expect(final.status == 0, "\(final.stderr)")
        try expectExactlyOnce(h, "after \(round) kills", items: items)
    }
}
