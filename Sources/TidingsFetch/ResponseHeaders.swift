import Foundation

/// The response headers a feed reader acts on, read from the last response of the redirect
/// chain.
struct ResponseHeaders {
    var etag: String?
    var lastModified: String?
    var contentType: String?
    var retryAfter: Date?
    var cacheMaxAge: TimeInterval?

    init(etag: String? = nil, lastModified: String? = nil, contentType: String? = nil, retryAfter: Date? = nil, cacheMaxAge: TimeInterval? = nil) {
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.retryAfter = retryAfter
        self.cacheMaxAge = cacheMaxAge
    }

    init(_ easy: CurlEasy, now: Date) {
        etag = easy.header("ETag")?.value
        lastModified = easy.header("Last-Modified")?.value
        contentType = easy.get(.contentType)
        retryAfter = easy.header("Retry-After").flatMap { ResponseHeaders.retryAfter($0.value, now: now) }

        var cacheControl: [String] = []
        if let first = easy.header("Cache-Control") {
            cacheControl.append(first.value)
            for index in 1..<max(1, first.count) {
                if let more = easy.header("Cache-Control", index: index) { cacheControl.append(more.value) }
            }
        }
        cacheMaxAge = ResponseHeaders.freshness(
            cacheControl: cacheControl, expires: easy.header("Expires")?.value, date: easy.header("Date")?.value, now: now)
    }

    /// Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
    static func retryAfter(_ value: String, now: Date) -> Date? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return now.addingTimeInterval(TimeInterval(max(0, seconds))) }
        return HTTPDate.parse(trimmed)
    }

    /// How long the response stays fresh: `max-age` wins over `Expires` (RFC 9111 §4.2.1);
    /// `Expires` counts from the server's own `Date` so clock skew does not matter. An
    /// unparsable `Expires` ("0", "-1") means already stale.
    static func freshness(cacheControl: [String], expires: String?, date: String?, now: Date) -> TimeInterval? {
        for header in cacheControl {
            for directive in header.split(separator: ",") {
                let parts = directive.split(separator: "=", maxSplits: 1)
                guard parts.count == 2,
                      parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "max-age" else { continue }
                let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                if let seconds = Int(value) { return TimeInterval(max(0, seconds)) }
            }
        }
        guard let expires else { return nil }
        guard let expiry = HTTPDate.parse(expires) else { return 0 }
        let base = date.flatMap(HTTPDate.parse) ?? now
        return max(0, expiry.timeIntervalSince(base))
    }
}
