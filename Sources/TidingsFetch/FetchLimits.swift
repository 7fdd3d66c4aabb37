/// How long and how much one fetch may take. One value per `Fetcher`; the defaults suit feeds
/// on the open internet (a slow blog on a small VPS still gets a minute).
public struct FetchLimits: Sendable, Equatable {
    /// Seconds to establish TCP (and TLS) before giving up on a host.
    public var connectTimeout: Double
    /// Seconds for the whole transfer, redirects included.
    public var totalTimeout: Double
    /// A transfer slower than `lowSpeedLimit` bytes/s for `lowSpeedTime` seconds is aborted:
    /// this catches servers that drip bytes to keep a connection open forever.
    public var lowSpeedLimit: Int
    public var lowSpeedTime: Double
    /// Largest body accepted, counted after decompression so a gzip bomb is stopped early.
    public var maxBodyBytes: Int
    /// Redirects followed before `tooManyRedirects`.
    public var maxRedirects: Int

    public init(
        connectTimeout: Double = 15,
        totalTimeout: Double = 60,
        lowSpeedLimit: Int = 1000,
        lowSpeedTime: Double = 20,
        maxBodyBytes: Int = 20 * 1024 * 1024,
        maxRedirects: Int = 8
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
    }

    public static let `default` = FetchLimits()
}
