/// The one error type that reaches the user. It names the stage, and where it
/// is known the feed and its `feeds.txt` line, and its message says what to do.
///
/// Rendered as `feeds.txt:12: https://example.org/feed: parse: not a feed (an HTML page)`.
public struct TidingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var stage: Stage
    public var message: String
    /// The feed's URL as the user wrote it (credentials removed before display).
    public var feed: String?
    /// Where the feed was declared: file path and 1-based line.
    public var file: String?
    public var line: Int?

    public init(stage: Stage, message: String, feed: String? = nil, file: String? = nil, line: Int? = nil) {
        self.stage = stage
        self.message = message
        self.feed = feed
        self.file = file
        self.line = line
    }

    public var description: String {
        var parts: [String] = []
        if let file {
            parts.append(line.map { "\(file):\($0)" } ?? file)
        }
        if let feed { parts.append(URLRedaction.redact(feed)) }
        parts.append(stage.rawValue)
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
