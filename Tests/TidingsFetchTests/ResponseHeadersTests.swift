import Foundation
import Testing
@testable import TidingsFetch

/// Retry-After and freshness rules, as pure functions.
@Suite struct ResponseHeadersTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func retryAfterSecondsAndDate() {
        #expect(ResponseHeaders.retryAfter("120", now: now) == now.addingTimeInterval(120))
        #expect(ResponseHeaders.retryAfter(" 0 ", now: now) == now)
        #expect(ResponseHeaders.retryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == Date(timeIntervalSince1970: 784_111_777))
        #expect(ResponseHeaders.retryAfter("soon", now: now) == nil)
    }

    @Test(arguments: [
        (["max-age=300"], 300.0),
        (["public, max-age=60, must-revalidate"], 60.0),
        (["no-cache", "Max-Age = 10"], 10.0),
        (["max-age=\"42\""], 42.0),
        (["max-age=-5"], 0.0),
    ])
    func maxAge(cacheControl: [String], expected: Double) {
        #expect(ResponseHeaders.freshness(cacheControl: cacheControl, expires: nil, date: nil, now: now) == expected)
    }

    @Test func maxAgeWinsOverExpires() {
        let fresh = ResponseHeaders.freshness(
            cacheControl: ["max-age=5"], expires: "Sun, 06 Nov 1994 09:49:37 GMT", date: "Sun, 06 Nov 1994 08:49:37 GMT", now: now)
        #expect(fresh == 5)
    }

    @Test func expiresCountsFromTheServersDate() {
        let fresh = ResponseHeaders.freshness(
            cacheControl: [], expires: "Sun, 06 Nov 1994 09:49:37 GMT", date: "Sun, 06 Nov 1994 08:49:37 GMT", now: now)
        #expect(fresh == 3600)
    }

    @Test func invalidOrPastExpiresMeansStale() {
        #expect(ResponseHeaders.freshness(cacheControl: [], expires: "0", date: nil, now: now) == 0)
        #expect(ResponseHeaders.freshness(cacheControl: [], expires: "Sun, 06 Nov 1994 09:49:37 GMT", date: nil, now: now) == 0)
        #expect(ResponseHeaders.freshness(cacheControl: ["no-store"], expires: nil, date: nil, now: now) == nil)
    }
}
