/// One feed to fetch. `url` is an `http(s)://` URL, a `file://` URL, or a plain path
/// (absolute or relative to the current directory).
public struct FetchRequest: Sendable, Equatable {
    public var url: String
    /// Validators from the previous response, sent back verbatim (`If-None-Match`,
    /// `If-Modified-Since`): servers compare them byte for byte, weak `W/` ETags included.
    public var etag: String?
    public var lastModified: String?
    /// The caller's identifier for this request, echoed back with its result.
    public var tag: Int
    /// Verify the server's certificate and host name; turn off only for feeds the user
    /// explicitly marked as self-signed.
    public var verifyTLS: Bool

    public init(url: String, etag: String? = nil, lastModified: String? = nil, tag: Int = 0, verifyTLS: Bool = true) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.tag = tag
        self.verifyTLS = verifyTLS
    }
}
