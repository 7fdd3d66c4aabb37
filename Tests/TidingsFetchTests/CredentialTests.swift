import Foundation
import Testing
import TidingsFetch
import TidingsTestSupport

/// `https://user:pass@host/` works, and the password never shows up in a message.
@Suite struct CredentialTests {
    private let secret = "s3cr3t-pa55"

    @Test func credentialsInTheURLAreSentAsBasicAuth() throws {
        let server = try LoopbackHTTPServer()
        let expected = "Basic " + Data("alice:\(secret)".utf8).base64EncodedString()
        server.route("/private.xml") { request in
            request.header("Authorization") == expected
                ? LoopbackResponse(body: "<rss/>")
                : LoopbackResponse(status: 401, headers: ["WWW-Authenticate": "Basic realm=\"feeds\""])
        }
        let url = "http://alice:\(secret)@127.0.0.1:\(server.port)/private.xml"
        let response = try Fetch.one(url).get()
        #expect(response.text == "<rss/>")
    }

    @Test func credentialsNeverAppearInFailureMessages() throws {
        let server = try LoopbackHTTPServer()
        server.route("/hang", .hang)
        let refusedPort: UInt16
        do {
            let gone = try LoopbackHTTPServer()
            refusedPort = gone.port
            gone.stop()
        }
        let base = "http://alice:\(secret)@127.0.0.1:\(server.port)"
        let urls = [
            base + "/missing.xml",  // 404
            base + "/hang",  // timeout
            "http://alice:\(secret)@127.0.0.1:\(refusedPort)/feed",  // refused
            "http://alice:\(secret)@feed.example.invalid/feed",  // dns
            "http://alice:\(secret)@[::1/feed",  // malformed
            "ftp://alice:\(secret)@127.0.0.1/feed",  // unsupported
        ]
        let fetcher = Fetcher(limits: FetchLimits(connectTimeout: 2, totalTimeout: 1), userAgent: Fetch.userAgent)
        let (results, _) = Fetch.all(urls.enumerated().map { FetchRequest(url: $1, tag: $0) }, fetcher: fetcher)
        #expect(results.count == urls.count)
        for (tag, result) in results {
            let failure = try #require(result.failure, "\(urls[tag]) should fail")
            #expect(!failure.message.contains(secret), "\(failure.message)")
        }
    }
}
