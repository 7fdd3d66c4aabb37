import Foundation

/// Why a fetch failed. `message` is written for the user: it says what happened and what to
/// do, and never contains credentials from the URL.
public struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case dns
        case connect
        case tls
        case timeout
        case tooLarge
        case tooManyRedirects
        /// The final response was an error status (4xx, 5xx, or a 3xx that leads nowhere).
        case http(Int)
        /// The server broke HTTP: truncated body, garbage reply, bad encoding.
        case protocolError
        /// A local file could not be read.
        case file
        case other
    }

    public var kind: Kind
    public var message: String
    /// When the server asked us to retry (429 and 503 with Retry-After).
    public var retryAfter: Date?
    /// The HTTP status, when a response arrived.
    public var status: Int?
    public var timings: FetchTimings?

    public init(kind: Kind, message: String, retryAfter: Date? = nil, status: Int? = nil, timings: FetchTimings? = nil) {
        self.kind = kind
        self.message = message
        self.retryAfter = retryAfter
        self.status = status
        self.timings = timings
    }

    public var description: String { message }
}
