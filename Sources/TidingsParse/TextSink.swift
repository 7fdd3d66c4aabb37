/// The text of the field being captured. The SAX layer appends character data
/// to it directly, so the text path (one call per text run, per entity
/// reference, per indentation between tags) costs one check when nothing is
/// captured and one append when something is, with no delegate call between.
struct TextSink {
    /// Longest text kept per field; the rest is dropped and reported.
    static let maxBytes = 1 << 20

    /// Character data is kept only while this is set.
    var capturing = false
    /// Inline XHTML: text is escaped as it is kept, so the field stays HTML.
    var escapesMarkup = false
    var buffer: [UInt8] = []
    /// Text was dropped beyond `maxBytes`.
    var truncated = false

    init() {
        buffer.reserveCapacity(4096)
    }

    /// Starts a new field.
    mutating func begin(escapingMarkup: Bool) {
        capturing = true
        escapesMarkup = escapingMarkup
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func end() {
        capturing = false
    }

    /// Character data from the parser.
    @inline(__always)
    mutating func take(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capturing else { return }
        if buffer.count + bytes.count > Self.maxBytes {
            let room = Self.maxBytes - buffer.count
            if room > 0 { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<room])) }
            truncated = true
        } else if escapesMarkup {
            appendEscaped(bytes, quote: false)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    mutating func append(_ byte: UInt8) { buffer.append(byte) }
    mutating func append(_ literal: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// A NUL-terminated name from libxml2.
    mutating func append(name: UnsafePointer<UInt8>) {
        var p = name
        while p.pointee != 0 { buffer.append(p.pointee); p += 1 }
    }

    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quote: Bool) {
        for b in bytes {
            switch b {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\"") where quote: append("&quot;")
            default: buffer.append(b)
            }
        }
    }
}
