import Testing
import TidingsFetch
import TidingsTestSupport

/// Redirects are followed; only a chain of permanent hops may rewrite the feed's address.
@Suite struct RedirectTests {
    private func serverWithFeed() throws -> LoopbackHTTPServer {
        let server = try LoopbackHTTPServer()
        server.route("/new.xml", LoopbackResponse(headers: ["ETag": "\"n\""], body: "<rss>new</rss>"))
        return server
    }

    @Test(arguments: [301, 308])
    func permanentRedirectReportsTheNewAddress(status: Int) throws {
        let server = try serverWithFeed()
        server.route("/old.xml", .redirect(to: "/new.xml", status: status))
        let response = try Fetch.one(server.url("/old.xml")).get()
        #expect(response.status == 200)
        #expect(response.text == "<rss>new</rss>")
        #expect(response.effectiveURL == server.url("/new.xml"))
        #expect(response.permanentRedirect == server.url("/new.xml"))
        #expect(response.etag == "\"n\"")
    }

    @Test(arguments: [302, 303, 307])
    func temporaryRedirectIsFollowedButNotReported(status: Int) throws {
        let server = try serverWithFeed()
        server.route("/old.xml", .redirect(to: server.url("/new.xml"), status: status))
        let response = try Fetch.one(server.url("/old.xml")).get()
        #expect(response.status == 200)
        #expect(response.effectiveURL == server.url("/new.xml"))
        #expect(response.permanentRedirect == nil)
    }

    @Test func permanentThenTemporaryIsNotPermanent() throws {
        let server = try serverWithFeed()
        server.route("/a", .redirect(to: "/b", status: 301))
        server.route("/b", .redirect(to: "/new.xml", status: 302))
        let response = try Fetch.one(server.url("/a")).get()
        #expect(response.effectiveURL == server.url("/new.xml"))
        #expect(response.permanentRedirect == nil)
    }

    @Test func chainOfPermanentHopsIsPermanent() throws {
        let server = try serverWithFeed()
        server.route("/a", .redirect(to: "/b", status: 301))
        server.route("/b", .redirect(to: "/new.xml", status: 308))
        let response = try Fetch.one(server.url("/a")).get()
        #expect(response.permanentRedirect == server.url("/new.xml"))
    }

    @Test func permanentRedirectToNotModified() throws {
        let server = try LoopbackHTTPServer()
        server.route("/old", .redirect(to: "/new", status: 301))
        server.route("/new") { request in
            request.header("If-None-Match") == "\"v\"" ? LoopbackResponse(status: 304) : LoopbackResponse(body: "x")
        }
        let response = try Fetch.one(FetchRequest(url: server.url("/old"), etag: "\"v\"")).get()
        #expect(response.status == 304)
        #expect(response.permanentRedirect == server.url("/new"))
    }

    @Test func redirectLoopFailsAsTooManyRedirects() throws {
        let server = try LoopbackHTTPServer()
        server.route("/a", .redirect(to: "/b", status: 302))
        server.route("/b", .redirect(to: "/a", status: 302))
        let failure = try #require(Fetch.one(server.url("/a"), limits: FetchLimits(maxRedirects: 5)).failure)
        #expect(failure.kind == .tooManyRedirects)
        #expect(failure.message.contains("more than 5 redirects"))
        // 1 request + 5 followed redirects, then curl stops.
        #expect(server.requests.count == 6)
    }

    @Test func redirectToAFileURLIsNotFollowed() throws {
        let server = try LoopbackHTTPServer()
        server.route("/evil", .redirect(to: "file:///etc/passwd", status: 301))
        let failure = try #require(Fetch.one(server.url("/evil")).failure)
        #expect(failure.kind == .protocolError)
        #expect(failure.message.contains("not http or https"))
    }

    @Test func redirectWithoutLocationIsAnHTTPFailure() throws {
        let server = try LoopbackHTTPServer()
        server.route("/nowhere", LoopbackResponse(status: 301, body: "moved somewhere"))
        let failure = try #require(Fetch.one(server.url("/nowhere")).failure)
        #expect(failure.kind == .http(301))
        #expect(failure.status == 301)
    }
}
