import Foundation
import TidingsFetch
import TidingsModel
import TidingsParse

/// Reads and parses one feed outside of a sync (for `tidings parse`).
public enum FeedDocument {
    public static func parse(_ location: String, baseURL: String? = nil) throws(TidingsError) -> ParsedFeed {
        var outcome: Result<FetchResponse, FetchFailure>?
        let fetcher = Fetcher(userAgent: TidingsVersion.userAgent, maxConcurrent: 1, maxPerHost: 1)
        fetcher.run([FetchRequest(url: location, tag: 0)]) { _, result in outcome = result }
        switch outcome {
        case .success(let response):
            let documentURL = baseURL ?? (location.contains("://") ? response.effectiveURL : nil)
            do {
                return try FeedParser.parse(response.body, documentURL: documentURL, contentType: response.contentType)
            } catch {
                throw TidingsError(stage: .parse, message: error.message, feed: location)
            }
        case .failure(let failure):
            throw TidingsError(stage: .fetch, message: failure.message, feed: location)
        case nil:
            throw TidingsError(stage: .fetch, message: "no answer", feed: location)
        }
    }
}
