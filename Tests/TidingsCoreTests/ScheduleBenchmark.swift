import Foundation
import Testing
@testable import TidingsCore

/// The scheduler's cost per fired feed: take it from the heap when due, put it back with its
/// next due time. Not a timed test: runs only with TIDINGS_BENCH=1 (scripts/bench-daemon.sh).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TIDINGS_BENCH"] != nil))
struct ScheduleBenchmark {
    @Test func overheadPerFiredFeed() {
        let feeds = 10_000
        let rounds = 20
        var schedule = FeedSchedule()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        for i in 0..<feeds {
            schedule.set("https://example.org/feed/\(i)", due: t0.addingTimeInterval(Double.random(in: 0..<3600)), interval: 3600)
        }
        let clock = ContinuousClock()
        var fired = 0
        var now = t0
        let elapsed = clock.measure {
            // Advance in one-second steps, as the timer would fire, over `rounds` hours.
            for _ in 0..<(rounds * 3600) {
                now = now.addingTimeInterval(1)
                for key in schedule.takeDue(now: now) {
                    fired += 1
                    schedule.set(key, due: now.addingTimeInterval(3600 + Double.random(in: 0..<360)), interval: 3600)
                }
                _ = schedule.nextDue()
            }
        }
        let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        print("scheduler: \(fired) feeds fired in \(elapsed); \(Int(ns / Double(fired))) ns per fired feed (10,000 feeds, timer ticks included)")
        #expect(fired >= feeds * (rounds - 1))
    }
}
