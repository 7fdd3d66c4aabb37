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
    func expectExactlyOnce(_ h: SyncHarness, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mail = try h.mail()
        let ids = mail.all.compactMap(\.messageID)
        let subjects = mail.all.compactMap(\.subject)
        #expect(ids.count == Self.feeds * Self.items, "\(context): \(ids.count) messages", sourceLocation: sourceLocation)
        #expect(Set(ids).count == ids.count, "\(context): duplicate Message-IDs", sourceLocation: sourceLocation)
        #expect(Set(subjects).count == Self.feeds * Self.items, "\(context): missing or duplicate articles", sourceLocation: sourceLocation)
        #expect(mail.tmp.isEmpty, "\(context): left in tmp/: \(mail.tmp)", sourceLocation: sourceLocation)
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

    /// kill -9 at many moments of real syncs, several times in a row, then one clean sync.
    @Test func killedAtRandomMomentsManyTimes() throws {
        let h = try harness()
        var generator = SystemRandomNumberGenerator()
        var killedMidway = 0
        var partial = 0
        for round in 0..<10 {
            let process = try TidingsProcess(["sync", "--feeds", h.feedsFile, "--state", h.state, "--maildir", h.maildir,
                                              "--batch-size", "\(5 + round * 7)", "--jobs", "2"])
            usleep(UInt32.random(in: 5_000...(60_000 + UInt32(round) * 20_000), using: &generator))
            kill(process.process.processIdentifier, SIGKILL)
            if process.wait().signalled { killedMidway += 1 }
            let delivered = (try? FileManager.default.contentsOfDirectory(atPath: h.maildir + "/new").count) ?? 0
            if delivered > 0 && delivered < Self.feeds * Self.items { partial += 1 }
        }
        // The kills must land inside syncs, some of them between batches, or this proves nothing.
        #expect(killedMidway >= 5, "only \(killedMidway) of 10 syncs were killed before they finished")
        #expect(partial >= 1, "no kill left a partly delivered maildir")
        let final = try h.sync()
        #expect(final.status == 0, "\(final.stderr)")
        try expectExactlyOnce(h, "after 10 random kills")
    }
}
