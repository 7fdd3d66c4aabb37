/// A file attached to an entry (podcast audio, image, media RSS content).
public struct Enclosure: Sendable, Equatable, Hashable, Codable {
    public var url: String
    public var type: String?
    /// Length in bytes as the feed states it; `nil` when missing or not a number.
    public var length: Int64?

    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}
