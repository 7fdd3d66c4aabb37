import Testing
import TidingsFetch
import TidingsTestSupport

/// Bodies arrive decoded, and never larger than the limit, however the server sends them.
@Suite struct BodyTests {
    private let smallLimit = FetchLimits(maxBodyBytes: 1 << 20)

    @Test func gzipBodyIsDecoded() throws {
        let server = try LoopbackHTTPServer()
        let xml = "<?xml version=\"1.0\"?><rss>" + String(repeating: "<item><title>hello</title></item>", count: 500) + "</rss>"
        let gzipped = LoopbackGzip.compress(Array(xml.utf8))
        server.route("/feed.xml", .gzipped(gzipped, headers: ["Content-Type": "application/rss+xml"]))
        let response = try Fetch.one(server.url("/feed.xml")).get()
        #expect(response.text == xml)
        // Wire bytes count the compressed body, not the decoded one.
        #expect(response.timings.bytes < Int64(xml.utf8.count))
        #expect(response.timings.bytes >= Int64(gzipped.count))
        let accept = try #require(server.requests.first?.header("Accept-Encoding"))
        #expect(accept.contains("gzip"))
    }

    @Test func gzipBombIsStoppedByTheDecodedSizeLimit() throws {
        let server = try LoopbackHTTPServer()
        let bomb = LoopbackGzip.zeros(count: 50 << 20)
        #expect(bomb.count < 1 << 20)  // small on the wire: only the decoded count can catch it
        server.route("/bomb.xml", .gzipped(bomb))
        let failure = try #require(Fetch.one(server.url("/bomb.xml"), limits: smallLimit).failure)
        #expect(failure.kind == .tooLarge)
        #expect(failure.message.hasPrefix("body larger than 1 MB limit"))
    }

    @Test func endlessBodyIsStopped() throws {
        let server = try LoopbackHTTPServer()
        server.route("/endless", .endless)
        let failure = try #require(Fetch.one(server.url("/endless"), limits: smallLimit).failure)
        #expect(failure.kind == .tooLarge)
    }

    @Test func declaredOversizeFailsBeforeDownloading() throws {
        let server = try LoopbackHTTPServer()
        server.route("/big", LoopbackResponse(body: LoopbackResponse.filler(2 << 20)))
        let failure = try #require(Fetch.one(server.url("/big"), limits: smallLimit).failure)
        #expect(failure.kind == .tooLarge)
        #expect(failure.message.hasPrefix("body larger than 1 MB limit"))
    }

    @Test func bodyExactlyAtTheLimitIsAccepted() throws {
        let server = try LoopbackHTTPServer()
        server.route("/exact", LoopbackResponse(body: LoopbackResponse.filler(1 << 20)))
        let response = try Fetch.one(server.url("/exact"), limits: smallLimit).get()
        #expect(response.body.count == 1 << 20)
    }
}
