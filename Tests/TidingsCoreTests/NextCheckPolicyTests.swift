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
