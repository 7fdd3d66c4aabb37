/// Why a document could not be read as a feed. The message says what the
/// document was instead, and where possible what to do about it.
public struct FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    static let empty = FeedParseError("not a feed: empty document")
    static let htmlPage = FeedParseError(
        "not a feed: the document is an HTML page (look for a <link rel=\"alternate\"> feed URL in it)")
}
