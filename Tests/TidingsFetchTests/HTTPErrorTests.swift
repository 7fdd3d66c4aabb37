import Foundation
import Testing
import TidingsFetch
import TidingsTestSupport

/// Error statuses become failures whose message names the code and says what to do.
@Suite struct HTTPErrorTests {
    @Test func notFound() throws {
        let server = try LoopbackHTTPServer()
        let failure = try #require(Fetch.one(server.url("/missing.xml")).failure)
        #expect(failure.kind == .http(404))
        #expect(failure.status == 404)
        #expect(failure.message == "HTTP 404 Not Found: the feed is not at this address; check the URL")
        #expect(failure.description == failure.message)
        #expect(failure.retryAfter == nil)
        #expect(failure.timings != nil)
    }

    @Test func gone() throws {
        let server = try LoopbackHTTPServer()
        server.route("/old.xml", LoopbackResponse(status: 410, body: "gone"))
        let failure = try #require(Fetch.one(server.url("/old.xml")).failure)
        #expect(failure.kind == .http(410))
        #expect(failure.message.hasPrefix("HTTP 410 Gone: "))
        #expect(failure.message.contains("remove it"))
    }

    @Test func tooManyRequestsWithRetryAfterSeconds() throws {
        let server = try LoopbackHTTPServer()
        server.route("/feed", LoopbackResponse(status: 429, headers: ["Retry-After": "120"], body: "slow down"))
        let before = Date()
        let failure = try #require(Fetch.one(server.url("/feed")).failure)
        #expect(failure.kind == .http(429))
        #expect(failure.message.hasPrefix("HTTP 429 Too Many Requests: "))
        let retry = try #require(failure.retryAfter)
        #expect(retry.timeIntervalSince(before) >= 119 && retry.timeIntervalSince(before) <= 125)
    }

    @Test func tooManyRequestsWithRetryAfterDate() throws {
        let server = try LoopbackHTTPServer()
        server.route("/feed", LoopbackResponse(status: 429, headers: ["Retry-After": "Wed, 21 Oct 2037 07:28:00 GMT"]))
        let failure = try #require(Fetch.one(server.url("/feed")).failure)
        #expect(failure.retryAfter == Date(timeIntervalSince1970: 2_139_722_880))
        #expect(failure.message.contains("2037-10-21T07:28:00Z"))
    }

    @Test func serviceUnavailableCarriesRetryAfter() throws {
        let server = try LoopbackHTTPServer()
        server.route("/feed", LoopbackResponse(status: 503, headers: ["Retry-After": "30"], body: "maintenance"))
        let failure = try #require(Fetch.one(server.url("/feed")).failure)
        #expect(failure.kind == .http(503))
        #expect(failure.message.hasPrefix("HTTP 503 Service Unavailable: "))
        #expect(failure.retryAfter != nil)
    }

    @Test func serverError() throws {
        let server = try LoopbackHTTPServer()
        server.route("/feed", LoopbackResponse(status: 500, headers: ["Retry-After": "30"], body: "oops"))
        let failure = try #require(Fetch.one(server.url("/feed")).failure)
        #expect(failure.kind == .http(500))
        #expect(failure.message.hasPrefix("HTTP 500 Internal Server Error: "))
        // Retry-After only means something with 429 and 503.
        #expect(failure.retryAfter == nil)
    }

    @Test func unauthorizedSuggestsCredentials() throws {
        let server = try LoopbackHTTPServer()
        server.route("/private", LoopbackResponse(status: 401, headers: ["WWW-Authenticate": "Basic realm=\"x\""]))
        let failure = try #require(Fetch.one(server.url("/private")).failure)
        #expect(failure.kind == .http(401))
        #expect(failure.message.contains("user:password@"))
    }
}
