import Foundation
import Testing
import TidingsFetch
import TidingsTestSupport

/// Servers that hang, stall, lie or vanish: each fails on its own, with the right kind,
/// and never holds up the other feeds of the run.
@Suite struct UnreliableServerTests {
    @Test func hangingServerTimesOutWhileOthersComplete() throws {
        let server = try LoopbackHTTPServer()
        server.route("/hang", .hang)
        server.route("/ok", LoopbackResponse(body: "<rss/>", delay: 0.2))
        let fetcher = Fetcher(limits: FetchLimits(totalTimeout: 2), userAgent: Fetch.userAgent, maxPerHost: 4)
        var requests = [FetchRequest(url: server.url("/hang"), tag: 0)]
        requests += (1...3).map { FetchRequest(url: server.url("/ok"), tag: $0) }
        let start = DispatchTime.now()
        let (results, order) = Fetch.all(requests, fetcher: fetcher)
        let seconds = elapsed(since: start)

        let failure = try #require(results[0]?.failure)
        #expect(failure.kind == .timeout)
        #expect(failure.message.hasPrefix("timed out after 2 s"))
        for tag in 1...3 {
            #expect(results[tag]?.response?.status == 200, "\(String(describing: results[tag]?.failure))")
        }
        #expect(order.last == 0, "the hung feed finishes last; the others did not wait for it")
        #expect(seconds >= 1.9 && seconds < 4)
    }

    @Test func stalledHandshakeHitsTheConnectTimeout() throws {
        // https to a plain-HTTP server: it waits for a request line that never comes, so the
        // TLS handshake stalls like a black-holed host.
        let server = try LoopbackHTTPServer()
        let limits = FetchLimits(connectTimeout: 1, totalTimeout: 10)
        let start = DispatchTime.now()
        let failure = try #require(Fetch.one("https://127.0.0.1:\(server.port)/feed", limits: limits).failure)
        #expect(failure.kind == .timeout)
        #expect(failure.message.hasPrefix("timed out after 1 s connecting to 127.0.0.1:\(server.port)"))
        #expect(elapsed(since: start) < 3)
    }

    @Test func drippingServerIsAbortedForLowSpeed() throws {
        let server = try LoopbackHTTPServer()
        server.route("/drip", .drip(bytesPerSecond: 1))
        let limits = FetchLimits(totalTimeout: 20, lowSpeedLimit: 100, lowSpeedTime: 1)
        let start = DispatchTime.now()
        let failure = try #require(Fetch.one(server.url("/drip"), limits: limits).failure)
        #expect(failure.kind == .timeout)
        #expect(failure.message.contains("too slow"))
        #expect(elapsed(since: start) < 5)
    }

    @Test func wrongContentLengthIsAProtocolError() throws {
        let server = try LoopbackHTTPServer()
        server.route("/short", .wrongContentLength())
        let failure = try #require(Fetch.one(server.url("/short")).failure)
        #expect(failure.kind == .protocolError)
        #expect(failure.message.contains("Content-Length"))
    }

    @Test func resetMidBodyFailsTheFetch() throws {
        let server = try LoopbackHTTPServer()
        server.route("/reset", .resetMidBody())
        let failure = try #require(Fetch.one(server.url("/reset")).failure)
        // A reset shows up as a receive error or, if the RST raced the data, a short body.
        #expect(failure.kind == .connect || failure.kind == .protocolError)
    }

    @Test func closeWithoutAnswerIsAProtocolError() throws {
        let server = try LoopbackHTTPServer()
        server.route("/nothing", .closeWithoutAnswer)
        let failure = try #require(Fetch.one(server.url("/nothing")).failure)
        #expect(failure.kind == .protocolError)
        #expect(failure.message.contains("without answering"))
    }

    @Test(arguments: ["this is not http\r\n\r\n", "HTTP/1.1 abc Broken\r\n\r\n"])
    func garbageReplyIsAProtocolError(reply: String) throws {
        let server = try LoopbackHTTPServer()
        server.route("/garbage", .raw(Array(reply.utf8)))
        let failure = try #require(Fetch.one(server.url("/garbage")).failure)
        #expect(failure.kind == .protocolError)
        #expect(failure.message.contains("not valid HTTP"))
    }

    @Test func endlessErrorPageIsStoppedToo() throws {
        let server = try LoopbackHTTPServer()
        var endless404 = LoopbackResponse.endless
        endless404.status = 404
        server.route("/endless404", endless404)
        let failure = try #require(Fetch.one(server.url("/endless404"), limits: FetchLimits(maxBodyBytes: 1 << 20)).failure)
        #expect(failure.kind == .tooLarge)
    }

    @Test func connectionRefusedNamesTheAddress() throws {
        let port: UInt16
        do {
            let server = try LoopbackHTTPServer()
            port = server.port
            server.stop()
        }
        let failure = try #require(Fetch.one("http://127.0.0.1:\(port)/feed.xml").failure)
        #expect(failure.kind == .connect)
        #expect(failure.message.hasPrefix("connection refused by 127.0.0.1:\(port)"))
        #expect(failure.status == nil)
    }

    @Test func unknownHostIsADNSFailure() throws {
        let limits = FetchLimits(connectTimeout: 5, totalTimeout: 5)
        let failure = try #require(Fetch.one("http://feed.example.invalid/rss", limits: limits).failure)
        #expect(failure.kind == .dns)
        #expect(failure.message.hasPrefix("could not resolve host feed.example.invalid"))
    }

    @Test func unsupportedSchemeIsRejected() throws {
        let failure = try #require(Fetch.one("ftp://127.0.0.1:1/feed.xml").failure)
        #expect(failure.kind == .other)
        #expect(failure.message.contains("unsupported URL scheme"))
    }
}
