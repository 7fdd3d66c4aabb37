/// Text kept as the UTF-8 bytes it was read as; a `String` is made only when
/// one is asked for.
///
/// Entries carry kilobytes of HTML each, and most entries of a feed were seen
/// before and are skipped after their identity is checked: making a `String`
/// (which validates every byte again) for each body cost the parser more than
/// a sixth of its time. The bytes are always valid UTF-8 — every initializer
/// guarantees it — so consumers that work on bytes (hashing, the HTML
/// tokenizer, SQLite, JSON output) never need the `String`.
///
/// The bytes may be a slice of a larger buffer: a body that stands verbatim
/// in the document (CDATA, plain UTF-8 text) shares the document's bytes
/// instead of copying them, so a parsed feed keeps its document alive.
public struct UTF8Text: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let bytes: ArraySlice<UInt8>

    public init(_ string: String) {
        bytes = ArraySlice(string.utf8)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Takes bytes that are known to be valid UTF-8 (libxml2 checked them);
    /// debug builds check again.
    public init(validUTF8 bytes: [UInt8]) {
        self.init(validUTF8: bytes[...])
    }

    /// A slice of a buffer known to be valid UTF-8 there (no copy).
    public init(validUTF8 bytes: ArraySlice<UInt8>) {
        assert(bytes.withUnsafeBufferPointer(UTF8Validation.isValid), "UTF8Text(validUTF8:) given bytes that are not UTF-8")
        self.bytes = bytes
    }

    /// Takes `bytes` as they are when they are valid UTF-8 (checked quickly on
    /// ASCII runs); otherwise each invalid sequence becomes U+FFFD.
    public init(repairing bytes: [UInt8]) {
        self.init(repairing: bytes[...])
    }

    public init(repairing bytes: ArraySlice<UInt8>) {
        if bytes.withUnsafeBufferPointer(UTF8Validation.isValid) {
            self.bytes = bytes
        } else {
            self.bytes = ArraySlice(String(decoding: bytes, as: UTF8.self).utf8)
        }
    }

    /// The bytes as one buffer, without copying.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer(body)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { string }
    public var isEmpty: Bool { bytes.isEmpty }
    /// Nothing but spaces and control characters.
    public var isBlank: Bool { !bytes.contains(where: { $0 > 0x20 }) }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}
