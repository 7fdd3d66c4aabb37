import Foundation
import TidingsFetch
import TidingsTestSupport

/// Small helpers so each test reads as "serve this, fetch that, expect this".
enum Fetch {
    static let userAgent = "TidingsTest/1.0 (+https://example.org/tidings)"

    /// Fetches one request and returns what the caller of `run` sees.
    static func one(
        _ request: FetchRequest, limits: FetchLimits = .default, fetcher: Fetcher? = nil
    ) -> Result<FetchResponse, FetchFailure> {
        let fetcher = fetcher ?? Fetcher(limits: limits, userAgent: userAgent)
        var result: Result<FetchResponse, FetchFailure>?
        fetcher.run([request]) { _, outcome in result = outcome }
        return result!
    }

    static func one(_ url: String, limits: FetchLimits = .default) -> Result<FetchResponse, FetchFailure> {
        one(FetchRequest(url: url), limits: limits)
    }

    /// Runs all requests; results keyed by tag, in completion order too.
    static func all(_ requests: [FetchRequest], fetcher: Fetcher) -> (byTag: [Int: Result<FetchResponse, FetchFailure>], order: [Int]) {
        var byTag: [Int: Result<FetchResponse, FetchFailure>] = [:]
        var order: [Int] = []
        fetcher.run(requests) { request, outcome in
            precondition(byTag[request.tag] == nil, "result delivered twice for tag \(request.tag)")
            byTag[request.tag] = outcome
            order.append(request.tag)
        }
        return (byTag, order)
    }
}

extension Result where Success == FetchResponse, Failure == FetchFailure {
    var response: FetchResponse? { try? get() }

    var failure: FetchFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

extension FetchResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Seconds since `start`, for tests that bound how long something took.
func elapsed(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}
