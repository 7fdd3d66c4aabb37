import Foundation
import Testing
import TidingsFetch
import TidingsTestSupport

/// Politeness and throughput: caps per host and overall, and every request answered once.
@Suite struct ConcurrencyTests {
    @Test func perHostLimitIsNeverExceeded() throws {
        let server = try LoopbackHTTPServer()
        server.route("/feed", LoopbackResponse(body: "<rss/>", delay: 0.1))
        let fetcher = Fetcher(userAgent: Fetch.userAgent, maxConcurrent: 16, maxPerHost: 2)
        let requests = (0..<10).map { FetchRequest(url: server.url("/feed?\($0)"), tag: $0) }
        let (results, _) = Fetch.all(requests, fetcher: fetcher)
        #expect(results.count == 10)
        #expect(results.values.allSatisfy { $0.response?.status == 200 })
        #expect(server.maxConcurrentRequests == 2)
        #expect(server.maxConcurrentConnections <= 2)
    }

    @Test func busyHostDoesNotHoldUpOtherHosts() throws {
        let busy = try LoopbackHTTPServer()
        let quick = try LoopbackHTTPServer()
        busy.route("/feed", LoopbackResponse(body: "<rss/>", delay: 0.2))
        quick.route("/feed", LoopbackResponse(body: "<rss/>"))
        let fetcher = Fetcher(userAgent: Fetch.userAgent, maxConcurrent: 16, maxPerHost: 1)
        // The quick host's feeds come last in the list, behind a queue for the busy host.
        var requests = (0..<5).map { FetchRequest(url: busy.url("/feed?\($0)"), tag: $0) }
        requests += (5..<8).map { FetchRequest(url: quick.url("/feed?\($0)"), tag: $0) }
        let (results, order) = Fetch.all(requests, fetcher: fetcher)
        #expect(results.count == 8)
        #expect(Set(order.prefix(3)) == [5, 6, 7], "completion order was \(order)")
        #expect(busy.maxConcurrentRequests == 1)
    }

    @Test func manyRequestsRespectTheGlobalLimitAndAllComplete() throws {
        let server = try LoopbackHTTPServer()
        server.route("/feed") { request in
            LoopbackResponse(headers: ["ETag": "\"\(request.target)\""], body: "<rss>\(request.target)</rss>", delay: 0.005)
        }
        let fetcher = Fetcher(userAgent: Fetch.userAgent, maxConcurrent: 8, maxPerHost: 100)
        let requests = (0..<200).map { FetchRequest(url: server.url("/feed?n=\($0)"), tag: $0) }
        let (results, order) = Fetch.all(requests, fetcher: fetcher)
        #expect(order.count == 200)
        #expect(Set(order).count == 200)
        for tag in 0..<200 {
            #expect(results[tag]?.response?.text == "<rss>/feed?n=\(tag)</rss>")
        }
        #expect(server.maxConcurrentRequests <= 8)
        #expect(server.maxConcurrentRequests >= 2)
    }

    @Test func oneFetcherServesRunsFromSeveralThreads() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/feed", LoopbackResponse(body: "<rss/>"))
        let fetcher = Fetcher(userAgent: Fetch.userAgent)
        let url = server.url("/feed")
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var ok = 0
                    fetcher.run((0..<25).map { FetchRequest(url: url, tag: $0) }) { _, result in
                        if result.response?.status == 200 { ok += 1 }
                    }
                    return ok
                }
            }
            return await group.reduce(0, +)
        }
        #expect(counts == 100)
    }

    @Test func emptyRunReturnsAtOnce() {
        var called = false
        Fetcher(userAgent: Fetch.userAgent).run([]) { _, _ in called = true }
        #expect(!called)
    }
}
