import Foundation
import Testing
import TidingsCore

@Suite struct NextCheckPolicyTests {
    let policy = NextCheckPolicy(defaultInterval: 3600, maxBackoff: 86400)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    typealias Hints = NextCheckPolicy.Hints

    @Test(arguments: [
        // (hints, consecutive failures, expected delay in seconds)
        (Hints(), 0, 3600.0),
        (Hints(interval: 1800), 0, 1800),
        (Hints(interval: 1800, cacheMaxAge: 7200), 0, 7200),   // the server asks for less often
        (Hints(interval: 7200, cacheMaxAge: 60), 0, 7200),     // but never makes us poll more often
        (Hints(feedTTL: 5400), 0, 5400),
        (Hints(), 1, 3600),
        (Hints(), 2, 7200),
        (Hints(), 3, 14400),
        (Hints(), 6, 86400),                                   // capped
        (Hints(), 40, 86400),
        (Hints(interval: 2 * 86400), 3, 2 * 86400),            // the cap never shortens the interval
        (Hints(interval: 600), 2, 1200),
    ] as [(Hints, Int, Double)])
    func delays(_ hints: Hints, _ failures: Int, _ expected: Double) {
        #expect(policy.nextCheck(now: now, hints: hints, consecutiveFailures: failures).timeIntervalSince(now) == expected)
    }

    @Test func retryAfterIsAFloor() {
        let later = now.addingTimeInterval(5 * 3600)
        #expect(policy.nextCheck(now: now, hints: Hints(retryAfter: later), consecutiveFailures: 1) == later)
        let sooner = now.addingTimeInterval(60)
        #expect(policy.nextCheck(now: now, hints: Hints(retryAfter: sooner), consecutiveFailures: 1) == now.addingTimeInterval(3600))
    }
}

/// The daemon's adaptive schedule: poll at half a feed's typical gap between posts, within bounds.
@Suite struct AdaptivePollingTests {
    let policy = NextCheckPolicy(defaultInterval: 3600, adaptive: 900...86400)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func delay(_ hints: NextCheckPolicy.Hints) -> TimeInterval {
        policy.nextCheck(now: now, hints: hints, consecutiveFailures: 0).timeIntervalSince(now)
    }

    @Test func aFeedPostingHourlyIsCheckedEveryHalfHour() {
        #expect(delay(.init(postingGap: 3600)) == 1800)
    }

    @Test func boundsHold() {
        #expect(delay(.init(postingGap: 60)) == 900, "a chatty feed is not polled more often than the lower bound")
        #expect(delay(.init(postingGap: 30 * 86400)) == 86400, "a quiet feed is still checked daily")
    }

    @Test func everyInFeedsTxtWinsAndUnknownRatesKeepTheDefault() {
        #expect(delay(.init(interval: 7200, postingGap: 3600)) == 7200)
        #expect(delay(.init()) == 3600)
        #expect(NextCheckPolicy(defaultInterval: 3600).nextCheck(now: now, hints: .init(postingGap: 600), consecutiveFailures: 0)
            .timeIntervalSince(now) == 3600, "without --adaptive the posting rate changes nothing")
    }

    @Test(arguments: [
        ([0.0, 3600, 7200, 10800], 3600.0 as Double?),
        ([0.0, 86400], nil),                 // two dates say nothing
        ([5.0, 5, 5, 5], nil),               // one date for everything
    ] as [([Double], Double?)])
    func typicalGap(_ offsets: [Double], _ expected: Double?) {
        #expect(PostingRate.typicalGap(offsets.map { Date(timeIntervalSince1970: $0) }) == expected)
    }
}

/// RSS `<skipHours>`/`<skipDays>`: a due time inside them moves to the first hour outside.
@Suite struct SkipTimesTests {
    // Sunday 2026-11-29 03:30:00 UTC
    let sunday0330 = Date(timeIntervalSince1970: 1_795_923_000)

    @Test func aSkippedHourMovesToTheNextAllowedHour() {
        let skip = SkipTimes(hours: [3, 4, 5])
        #expect(skip.firstAllowed(atOrAfter: sunday0330) == Date(timeIntervalSince1970: 1_795_932_000), "06:00")
    }

    @Test func aSkippedDayMovesToMidnightOfTheNextDay() {
        let skip = SkipTimes(days: [0])  // Sunday
        #expect(CivilTime(skip.firstAllowed(atOrAfter: sunday0330)).weekday == 1)
        #expect(skip.firstAllowed(atOrAfter: sunday0330) == Date(timeIntervalSince1970: 1_795_996_800), "Monday 00:00")
    }

    @Test func nothingSkippedOrEverythingSkippedLeavesTheTime() {
        #expect(SkipTimes().firstAllowed(atOrAfter: sunday0330) == sunday0330)
        #expect(SkipTimes(days: Set(0...6)).firstAllowed(atOrAfter: sunday0330) == sunday0330)
    }

    @Test func storedFormRoundTrips() {
        let skip = SkipTimes(hours: [23, 0, 99], days: [6, 0])
        #expect(skip.stored == "h:0,23;d:0,6")
        #expect(SkipTimes(stored: skip.stored) == skip)
        #expect(SkipTimes(stored: nil).isEmpty)
    }

    @Test func thePolicyAppliesThem() {
        let policy = NextCheckPolicy(defaultInterval: 1800)
        var hints = NextCheckPolicy.Hints()
        hints.skip = SkipTimes(hours: [4])
        // 03:30 + 30 min = 04:00, skipped → 05:00
        #expect(policy.nextCheck(now: sunday0330, hints: hints, consecutiveFailures: 0) == Date(timeIntervalSince1970: 1_795_928_400))
    }
}
