import Glibc

/// The text of the field being captured. The SAX layer appends character data
/// to it directly, so the text path (one call per text run, per entity
/// reference, per indentation between tags) costs one check when nothing is
/// captured and one `memcpy` when something is, with no delegate call between.
///
/// The bytes live in one malloc'd block reused for every field of a document
/// (`Array.append(contentsOf:)` cost more per call than the copy itself).
/// Owned by one handler; `release()` frees it.
struct TextSink {
    /// Longest text kept per field; the rest is dropped and reported.
    static let maxBytes = 1 << 20

    /// Character data is kept only while this is set.
    var capturing = false
    /// Inline XHTML: text is escaped as it is kept, so the field stays HTML.
    var escapesMarkup = false
    /// Text was dropped beyond `maxBytes`.
    var truncated = false
    /// libxml2 met bytes that are not UTF-8 and, recovering, passes them on as
    /// they are: set by the SAX layer for the rest of the document. Until then
    /// every byte taken is valid UTF-8 (libxml2 checked each character).
    var mayBeInvalidUTF8 = false
    private var storage: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init() {
        capacity = 4096
        storage = .allocate(capacity: capacity)
    }

    func release() {
        storage.deallocate()
    }

    /// Starts a new field.
    mutating func begin(escapingMarkup: Bool) {
        capturing = true
        escapesMarkup = escapingMarkup
        count = 0
    }

    mutating func end() {
        capturing = false
    }

    /// The field's bytes so far (valid until the next append).
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    /// Character data from the parser.
    @inline(__always)
    mutating func take(_ text: UnsafeBufferPointer<UInt8>) {
        guard capturing, let base = text.baseAddress else { return }
        if count + text.count > Self.maxBytes {
            let room = Self.maxBytes - count
            if room > 0 { append(base, room) }
            truncated = true
        } else if escapesMarkup {
            appendEscaped(text, quote: false)
        } else {
            append(base, text.count)
        }
    }

    @inline(__always)
    private mutating func append(_ source: UnsafePointer<UInt8>, _ length: Int) {
        if count + length > capacity { grow(to: count + length) }
        (storage + count).update(from: source, count: length)
        count += length
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    mutating func append(_ literal: StaticString) {
        append(literal.utf8Start, literal.utf8CodeUnitCount)
    }

    /// A NUL-terminated name from libxml2.
    mutating func append(name: UnsafePointer<UInt8>) {
        append(name, strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)))
    }

    mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, quote: Bool) {
        for b in text {
            if let entity = TextCleaning.htmlEscape(b, quote: quote) { append(entity) } else { append(b) }
        }
    }
}
