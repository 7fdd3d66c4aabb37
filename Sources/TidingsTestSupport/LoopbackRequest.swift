/// One HTTP request as the `LoopbackHTTPServer` received it.
public struct LoopbackRequest: Sendable {
    public let method: String
    /// The request target as sent: path plus query, e.g. `/feed.xml?x=1`.
    public let target: String
    /// The target without its query, e.g. `/feed.xml`; routes match on this.
    public let path: String
    /// Header fields in the order received, names as sent.
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]
    /// Which connection carried the request (1, 2, …): equal ids mean a reused connection.
    public let connection: Int

    public init(method: String, target: String, headers: [(name: String, value: String)], body: [UInt8] = [], connection: Int = 0) {
        self.method = method
        self.target = target
        self.path = target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
        self.headers = headers
        self.body = body
        self.connection = connection
    }

    /// The first header field named `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first(where: { $0.name.lowercased() == wanted })?.value
    }
}
