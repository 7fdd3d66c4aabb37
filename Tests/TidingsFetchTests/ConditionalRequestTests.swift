import Foundation
import Testing
import TidingsFetch
import TidingsTestSupport

/// Validators: what a warm sync depends on. Sent back verbatim, a 304 is a success with no body.
@Suite struct ConditionalRequestTests {
    @Test func etagIsSentBackAndA304HasNoBody() throws {
        let server = try LoopbackHTTPServer()
        // nginx turns a strong ETag weak when it gzips: it must still round-trip verbatim.
        let etag = "W/\"5f1a-abc\""
        server.route("/feed.xml") { request in
            request.header("if-none-match") == etag
                ? LoopbackResponse(status: 304, headers: ["ETag": etag])
                : LoopbackResponse(headers: ["ETag": etag, "Content-Type": "application/rss+xml; charset=utf-8"], body: "<rss/>")
        }
        let fetcher = Fetcher(userAgent: Fetch.userAgent)

        let first = try Fetch.one(FetchRequest(url: server.url("/feed.xml")), fetcher: fetcher).get()
        #expect(first.status == 200)
        #expect(first.text == "<rss/>")
        #expect(first.etag == etag)
        #expect(first.contentType == "application/rss+xml; charset=utf-8")
        #expect(first.effectiveURL == server.url("/feed.xml"))
        #expect(first.permanentRedirect == nil)

        let second = try Fetch.one(FetchRequest(url: server.url("/feed.xml"), etag: first.etag), fetcher: fetcher).get()
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(second.etag == etag)

        let seen = server.requests(to: "/feed.xml")
        #expect(seen.count == 2)
        #expect(seen[0].header("If-None-Match") == nil)
        #expect(seen[1].header("If-None-Match") == etag)
        #expect(seen[0].header("User-Agent") == Fetch.userAgent)
    }

    @Test func lastModifiedAloneIsSentAsIfModifiedSince() throws {
        let server = try LoopbackHTTPServer()
        let stamp = "Tue, 15 Nov 1994 12:45:26 GMT"
        server.route("/feed.xml") { request in
            request.header("If-Modified-Since") == stamp
                ? LoopbackResponse(status: 304)
                : LoopbackResponse(headers: ["Last-Modified": stamp], body: "<feed/>")
        }
        let first = try Fetch.one(server.url("/feed.xml")).get()
        #expect(first.status == 200)
        #expect(first.lastModified == stamp)
        #expect(first.etag == nil)

        let second = try Fetch.one(FetchRequest(url: server.url("/feed.xml"), lastModified: first.lastModified)).get()
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        let last = try #require(server.requests.last)
        #expect(last.header("If-Modified-Since") == stamp)
        #expect(last.header("If-None-Match") == nil)
    }

    @Test func cacheHeadersAreReported() throws {
        let server = try LoopbackHTTPServer()
        server.route("/max-age", LoopbackResponse(headers: ["Cache-Control": "public, max-age=900"], body: "x"))
        server.route("/expires", LoopbackResponse(
            headers: ["Date": "Sun, 06 Nov 1994 08:49:37 GMT", "Expires": "Sun, 06 Nov 1994 09:49:37 GMT"], body: "x"))
        server.route("/retry", LoopbackResponse(headers: ["Retry-After": "60"], body: "x"))
        #expect(try Fetch.one(server.url("/max-age")).get().cacheMaxAge == 900)
        #expect(try Fetch.one(server.url("/expires")).get().cacheMaxAge == 3600)
        #expect(try Fetch.one(server.url("/retry")).get().retryAfter != nil)
        #expect(try Fetch.one(server.url("/retry")).get().cacheMaxAge == nil)
    }

    @Test func warmSyncOfManyFeedsIsAllNotModified() throws {
        let server = try LoopbackHTTPServer()
        server.route("/feed") { request in
            request.header("If-None-Match") == "\"same\""
                ? LoopbackResponse(status: 304, headers: ["ETag": "\"same\""])
                : LoopbackResponse(headers: ["ETag": "\"same\""], body: "<rss/>")
        }
        let fetcher = Fetcher(userAgent: Fetch.userAgent, maxConcurrent: 16, maxPerHost: 16)
        let cold = (0..<1000).map { FetchRequest(url: server.url("/feed?n=\($0)"), tag: $0) }
        let coldResults = Fetch.all(cold, fetcher: fetcher).byTag
        #expect(coldResults.count == 1000)
        let warm = cold.map { request in
            var request = request
            request.etag = coldResults[request.tag]?.response?.etag
            return request
        }
        let start = DispatchTime.now()
        let warmResults = Fetch.all(warm, fetcher: fetcher).byTag
        let seconds = elapsed(since: start)
        #expect(warmResults.count == 1000)
        #expect(warmResults.values.allSatisfy { $0.response?.status == 304 })
        // Target is 0.3 s in release on the bench; a debug test server is far slower, so
        // this only guards against a pathological regression.
        #expect(seconds < 3, "1000 × 304 took \(seconds) s")
        // Connections were reused (keep-alive), not one per request.
        #expect(server.connectionsAccepted < 100)
    }
}
