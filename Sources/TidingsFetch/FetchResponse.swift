import Foundation

/// A successful fetch: a 2xx with its body, or a 304 Not Modified (empty body, which is the
/// good news of a warm sync, not a failure).
public struct FetchResponse: Sendable {
    /// Final HTTP status (200, 304, …); 200 for files.
    public var status: Int
    /// The body after content decoding (gzip, deflate, br, zstd).
    public var body: [UInt8]
    /// Validators to store and send back next time, verbatim.
    public var etag: String?
    public var lastModified: String?
    public var contentType: String?
    /// The URL that answered, after redirects.
    public var effectiveURL: String
    /// The new address when every hop of the redirect chain was permanent (301/308): the
    /// caller may update its feed list. Nil when there was no redirect or any hop was temporary.
    public var permanentRedirect: String?
    /// When the server asked us to come back (Retry-After), if it said so.
    public var retryAfter: Date?
    /// How long the response may be considered fresh: Cache-Control max-age, else Expires − Date.
    public var cacheMaxAge: TimeInterval?
    public var timings: FetchTimings

    public init(
        status: Int, body: [UInt8], etag: String? = nil, lastModified: String? = nil,
        contentType: String? = nil, effectiveURL: String, permanentRedirect: String? = nil,
        retryAfter: Date? = nil, cacheMaxAge: TimeInterval? = nil, timings: FetchTimings = FetchTimings()
    ) {
        self.status = status
        self.body = body
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.effectiveURL = effectiveURL
        self.permanentRedirect = permanentRedirect
        self.retryAfter = retryAfter
        self.cacheMaxAge = cacheMaxAge
        self.timings = timings
    }
}
