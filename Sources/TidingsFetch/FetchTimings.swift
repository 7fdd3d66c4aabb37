/// Where the time of one fetch went, as libcurl measures it. Every time is in seconds from the
/// start of the transfer (redirects included), so `dns ≤ connect ≤ firstByte ≤ total`;
/// `tls` is when the TLS handshake finished, 0 for plain HTTP or a reused connection.
public struct FetchTimings: Sendable, Codable, Equatable {
    public var dns: Double
    public var connect: Double
    public var tls: Double
    public var firstByte: Double
    public var total: Double
    /// Bytes received on the wire: headers plus the body as sent (before decompression).
    public var bytes: Int64

    public init(dns: Double = 0, connect: Double = 0, tls: Double = 0, firstByte: Double = 0, total: Double = 0, bytes: Int64 = 0) {
        self.dns = dns
        self.connect = connect
        self.tls = tls
        self.firstByte = firstByte
        self.total = total
        self.bytes = bytes
    }
}
