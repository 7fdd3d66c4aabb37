import Foundation
import TidingsFetch
import TidingsModel
import TidingsParse

/// Finds the feeds behind a URL for `tidings add`: the URL itself when it is a feed; else the
/// page's `<link rel="alternate">` feeds; else whichever of the usual paths (/feed, /rss.xml,
/// /atom.xml, /index.xml, …) answer with a feed.
public struct FeedDiscovery {
    public struct Candidate: Sendable, Equatable {
        public var url: String
        public var title: String?
        public var format: String?
    }

    static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
        "application/rdf+xml", "application/xml", "text/xml",
    ]
    static let commonPaths = ["/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.xml", "/rss", "/feed.json"]

    let fetcher: Fetcher

    public init(userAgent: String = TidingsVersion.userAgent) {
        fetcher = Fetcher(limits: .default, userAgent: userAgent, maxConcurrent: 8, maxPerHost: 4)
    }

    public func discover(_ url: String) throws(TidingsError) -> [Candidate] {
        guard let page = fetch([url]).first, let response = page.1 else {
            throw TidingsError(stage: .fetch, message: "\(URLRedaction.redact(url)): cannot be fetched")
        }
        if let feed = try? FeedParser.parse(response.body, documentURL: response.effectiveURL, contentType: response.contentType) {
            return [Candidate(url: url, title: feed.title, format: feed.format.rawValue)]
        }
        let html = String(decoding: response.body, as: UTF8.self)
        let linked = Self.alternateLinks(in: html, base: response.effectiveURL)
        let guesses = linked.isEmpty ? Self.commonPaths.compactMap { Self.resolve($0, against: response.effectiveURL) } : linked.map(\.url)
        // Keep only candidates that really are feeds (a stale <link> is common), titled by the feed.
        var out: [Candidate] = []
        for (candidateURL, fetched) in fetch(guesses) {
            guard let fetched, let feed = try? FeedParser.parse(fetched.body, documentURL: fetched.effectiveURL, contentType: fetched.contentType),
                  !out.contains(where: { $0.url == candidateURL }) else { continue }
            let linkTitle = linked.first { $0.url == candidateURL }?.title
            out.append(Candidate(url: candidateURL, title: feed.title ?? linkTitle, format: feed.format.rawValue))
        }
        return out
    }

    /// Fetches all at once; results in the order asked (nil for a failure or a non-2xx answer).
    private func fetch(_ urls: [String]) -> [(String, FetchResponse?)] {
        var results = [FetchResponse?](repeating: nil, count: urls.count)
        let requests = urls.enumerated().map { FetchRequest(url: $0.element, tag: $0.offset) }
        fetcher.run(requests) { request, result in
            if case .success(let response) = result, (200..<300).contains(response.status) { results[request.tag] = response }
        }
        return Array(zip(urls, results))
    }

    /// `<link rel="alternate" type="application/rss+xml" href="…" title="…">` in document order.
    static func alternateLinks(in html: String, base: String) -> [(url: String, title: String?)] {
        var out: [(url: String, title: String?)] = []
        let tagPattern = try! NSRegularExpression(pattern: "<link\\b[^>]*>", options: [.caseInsensitive])
        let attributePattern = try! NSRegularExpression(
            pattern: "([a-zA-Z_:-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))", options: [])
        let ns = html as NSString
        for match in tagPattern.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let tag = ns.substring(with: match.range)
            var attributes: [String: String] = [:]
            let tagNS = tag as NSString
            for attribute in attributePattern.matches(in: tag, range: NSRange(location: 0, length: tagNS.length)) {
                let name = tagNS.substring(with: attribute.range(at: 1)).lowercased()
                let value = (2...4).lazy.map { attribute.range(at: $0) }.first { $0.location != NSNotFound }.map { tagNS.substring(with: $0) } ?? ""
                if attributes[name] == nil { attributes[name] = Self.decodeEntities(value) }
            }
            let rels = (attributes["rel"] ?? "").lowercased().split(separator: " ")
            let type = (attributes["type"] ?? "").lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard rels.contains("alternate"), feedTypes.contains(type), let href = attributes["href"],
                  let url = resolve(href, against: base), !out.contains(where: { $0.url == url }) else { continue }
            out.append((url, attributes["title"].flatMap { $0.isEmpty ? nil : $0 }))
        }
        return out
    }

    static func resolve(_ reference: String, against base: String) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: trimmed, relativeTo: URL(string: base)), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else { return nil }
        return url.absoluteString
    }

    private static func decodeEntities(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
