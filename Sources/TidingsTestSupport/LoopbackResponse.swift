import Foundation

/// What a `LoopbackHTTPServer` route answers: a status, headers and body, and how the bytes
/// go on the wire. `delivery` other than `.normal` scripts a hostile or broken server.
public struct LoopbackResponse: Sendable {
    public enum Delivery: Sendable, Equatable {
        /// Status line, headers with a correct Content-Length, body; keeps the connection.
        case normal
        /// Reads the request and never answers; the connection stays open until the client
        /// gives up (or the server stops).
        case hang
        /// Sends the headers at once, then the body at this rate (Content-Length is right).
        case drip(bytesPerSecond: Int)
        /// Sends headers and half the body, then resets the connection (TCP RST).
        case resetMidBody
        /// Declares a Content-Length 100 bytes longer than the body, sends the body, closes.
        case wrongContentLength
        /// Sends 200 without Content-Length and streams `body` (or filler) forever.
        case endless
        /// Closes the connection without sending anything.
        case closeWithoutAnswer
        /// Sends `body` verbatim as the whole answer (status line and headers included, if
        /// any), then closes: for replies that are not HTTP at all.
        case raw
    }

    public var status: Int
    /// Sent as given. Content-Length is added unless present (or the delivery decides it).
    public var headers: [String: String]
    public var body: [UInt8]
    public var delivery: Delivery
    /// Seconds to wait before answering: makes transfers overlap in concurrency tests.
    public var delay: Double

    public init(status: Int = 200, headers: [String: String] = [:], body: [UInt8] = [], delivery: Delivery = .normal, delay: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delivery = delivery
        self.delay = delay
    }

    public init(status: Int = 200, headers: [String: String] = [:], body: String, delivery: Delivery = .normal, delay: Double = 0) {
        self.init(status: status, headers: headers, body: Array(body.utf8), delivery: delivery, delay: delay)
    }

    /// A body of `count` bytes, all "x".
    public static func filler(_ count: Int) -> [UInt8] { [UInt8](repeating: UInt8(ascii: "x"), count: count) }

    // MARK: Canned behaviours

    public static let hang = LoopbackResponse(delivery: .hang)
    public static let endless = LoopbackResponse(headers: ["Content-Type": "application/xml"], delivery: .endless)
    public static let closeWithoutAnswer = LoopbackResponse(delivery: .closeWithoutAnswer)

    /// `bytes` sent verbatim as the whole answer, then the connection closes.
    public static func raw(_ bytes: [UInt8]) -> LoopbackResponse {
        LoopbackResponse(body: bytes, delivery: .raw)
    }

    public static func drip(bytesPerSecond: Int, body: [UInt8] = filler(1000)) -> LoopbackResponse {
        LoopbackResponse(body: body, delivery: .drip(bytesPerSecond: bytesPerSecond))
    }

    public static func resetMidBody(body: [UInt8] = filler(200_000)) -> LoopbackResponse {
        LoopbackResponse(body: body, delivery: .resetMidBody)
    }

    public static func wrongContentLength(body: [UInt8] = filler(1000)) -> LoopbackResponse {
        LoopbackResponse(body: body, delivery: .wrongContentLength)
    }

    /// A redirect to `location` (absolute, or a path on this server).
    public static func redirect(to location: String, status: Int = 301) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: ["Location": location], body: "moved")
    }

    /// `bytes` sent as they are with `Content-Encoding: gzip`; make them with `LoopbackGzip`.
    public static func gzipped(_ bytes: [UInt8], headers: [String: String] = [:]) -> LoopbackResponse {
        var all = headers
        all["Content-Encoding"] = "gzip"
        return LoopbackResponse(headers: all, body: bytes)
    }
}
