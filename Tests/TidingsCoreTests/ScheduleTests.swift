import Foundation
import Testing
@testable import TidingsCore

@Suite struct DueHeapTests {
    @Test(arguments: [
        [5.0, 1, 4, 2, 3],
        [1.0, 1, 1, 0],
        [9.0, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        [],
        [42.0],
    ])
    func popsInDueOrder(_ dues: [Double]) {
        var pushed = DueHeap<Int>()
        for (index, at) in dues.enumerated() { pushed.push(at, index) }
        var built = DueHeap(dues.enumerated().map { DueHeap<Int>.Entry(at: $1, element: $0) })
        var fromPush: [Double] = []
        var fromBuild: [Double] = []
        while let entry = pushed.popMin() { fromPush.append(entry.at) }
        while let entry = built.popMin() { fromBuild.append(entry.at) }
        #expect(fromPush == dues.sorted())
        #expect(fromBuild == dues.sorted())
    }

    @Test func randomOrderMatchesSort() {
        var heap = DueHeap<Int>()
        var dues: [Double] = []
        for i in 0..<2000 {
            let at = Double.random(in: 0..<1_000_000)
            dues.append(at)
            heap.push(at, i)
        }
        var out: [Double] = []
        while let entry = heap.popMin() { out.append(entry.at) }
        #expect(out == dues.sorted())
    }
}

@Suite struct FeedScheduleTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func schedule(_ dues: [String: Double], interval: TimeInterval = 3600) -> FeedSchedule {
        var s = FeedSchedule()
        for (key, offset) in dues { s.set(key, due: t0.addingTimeInterval(offset), interval: interval) }
        return s
    }

    @Test func takesOnlyWhatIsDueAndEachFeedOnce() {
        var s = schedule(["a": 0, "b": 10, "c": 600])
        #expect(s.takeDue(now: t0) == ["a"])
        #expect(s.takeDue(now: t0).isEmpty, "a is in its pass: not taken twice")
        #expect(s.nextDue() == t0.addingTimeInterval(10))
    }

    /// The timer fired hours late (suspend, clock jump): every due feed is taken once, in one
    /// pass, however many intervals were missed — no burst of passes.
    @Test(arguments: [3600.0, 6 * 3600, 7 * 86400] as [Double])
    func aLateTimerTakesEachDueFeedOnce(_ late: Double) {
        var s = schedule(["a": 0, "b": 60, "c": 1800, "d": 10 * 86400])
        let taken = s.takeDue(now: t0.addingTimeInterval(late))
        #expect(Set(taken) == Set(["a", "b", "c"]).union(late >= 10 * 86400 ? ["d"] : []))
        #expect(taken.count == Set(taken).count)
        #expect(s.takeDue(now: t0.addingTimeInterval(late)).isEmpty)
    }

    @Test(arguments: [
        // (feed interval, due offset, taken at t0?) — batch window 5 s, never beyond a tenth of the interval
        (3600.0, 4.0, true),
        (3600.0, 6.0, false),
        (20.0, 1.5, true),
        (20.0, 2.5, false),
        (1.0, 0.0, true),
    ] as [(Double, Double, Bool)])
    func feedsDueAMomentLaterShareThePass(_ interval: Double, _ offset: Double, _ taken: Bool) {
        var s = FeedSchedule()
        s.set("now", due: t0, interval: interval)
        s.set("soon", due: t0.addingTimeInterval(offset), interval: interval)
        #expect(s.takeDue(now: t0).contains("soon") == taken)
        #expect(s.nextDue() == (taken ? nil : t0.addingTimeInterval(offset)), "a feed not taken stays scheduled")
    }

    @Test func reschedulingAndRemovingLeaveNoStaleFirings() {
        var s = schedule(["a": 0, "b": 100])
        s.set("a", due: t0.addingTimeInterval(500), interval: 3600)
        s.remove("b")
        #expect(s.nextDue() == t0.addingTimeInterval(500))
        #expect(s.takeDue(now: t0.addingTimeInterval(200)).isEmpty)
        #expect(s.takeDue(now: t0.addingTimeInterval(500)) == ["a"])
        #expect(s.count == 1)
    }

    @Test func makeAllDueSkipsFeedsInAPass() {
        var s = schedule(["a": 0, "b": 1000, "c": 5000])
        #expect(s.takeDue(now: t0) == ["a"])
        s.makeAllDue(now: t0)
        #expect(Set(s.takeDue(now: t0)) == ["b", "c"])
        #expect(s.due("a") == nil)
    }

    @Test func staleTicketsAreCompacted() {
        var s = schedule(["a": 0])
        for i in 0..<5000 { s.set("a", due: t0.addingTimeInterval(Double(i)), interval: 3600) }
        #expect(s.heapCount <= 2 * s.count + 1024 + 1)
        #expect(s.nextDue() == t0.addingTimeInterval(4999))
    }
}

@Suite struct JitterTests {
    @Test(arguments: [
        // (delay, fraction, unit, expected)
        (3600.0, 0.1, 0.0, 3600.0),
        (3600, 0.1, 0.5, 3780),
        (3600, 0.1, 0.999_999, 3959.99964),
        (3600, 0, 0.7, 3600),
        (60, 0.1, 2, 66),          // unit clamped: never more than the fraction
        (60, 0.1, -1, 60),         // never earlier than asked
    ] as [(Double, Double, Double, Double)])
    func stretchesWithinBounds(_ delay: Double, _ fraction: Double, _ unit: Double, _ expected: Double) {
        #expect(abs(NextCheckPolicy.jittered(delay, fraction: fraction, unit: unit) - expected) < 0.001)
    }

    @Test func policyJitterStaysWithinTenPercentAndSpreadsFeeds() {
        let policy = NextCheckPolicy(defaultInterval: 3600, jitter: 0.1)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let delays = (0..<500).map { _ in policy.nextCheck(now: now, hints: .init(), consecutiveFailures: 0).timeIntervalSince(now) }
        #expect(delays.allSatisfy { $0 >= 3600 && $0 < 3960 })
        #expect(Set(delays).count > 400, "feeds fetched together drift apart")
        let backoff = policy.nextCheck(now: now, hints: .init(), consecutiveFailures: 3).timeIntervalSince(now)
        #expect(backoff >= 14400 && backoff < 15840)
    }

    @Test(arguments: [
        // (interval, spread, unit, expected offset)
        (3600.0, 60.0, 0.0, 0.0),
        (3600, 60, 0.5, 30),
        (30, 60, 0.5, 15),        // a short interval bounds the spread
        (3600, 0, 0.9, 0),        // --initial-spread 0: at once
    ] as [(Double, Double, Double, Double)])
    func initialDueIsSpreadOverTheFirstMinute(_ interval: Double, _ spread: Double, _ unit: Double, _ expected: Double) {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(InitialDue.at(now: now, interval: interval, spread: spread, unit: unit).timeIntervalSince(now) == expected)
    }
}
