import CLibXML2
import Glibc

/// The text of the field being captured. The SAX layer appends character data
/// to it directly, so the text path (one call per text run, per entity
/// reference, per indentation between tags) costs one check when nothing is
/// captured and one `memcpy` when something is, with no delegate call between.
///
/// The bytes live in one malloc'd block reused for every field of a document
/// (`Array.append(contentsOf:)` cost more per call than the copy itself).
/// Owned by one handler; `release()` frees it.
///
/// Verbatim text is not copied at all. When the SAX layer can say where in the
/// document a piece of text stands byte for byte (`take(_:at:)`: CDATA and
/// plain UTF-8 character data, no entities, no line-end normalization), the
/// sink only records the span while the pieces follow each other. A field
/// made of one such span (after trimming) becomes a slice of the document
/// (`slice(of:)`); anything else is copied out as before, at the first piece
/// that breaks the span.
struct TextSink {
    /// Longest text kept per field; the rest is dropped and reported.
    static let maxBytes = 1 << 20

    /// Character data is kept only while this is set.
    private(set) var capturing = false
    /// Inline XHTML: text is escaped as it is kept, so the field stays HTML.
    var escapesMarkup = false
    /// Text was dropped beyond `maxBytes`.
    var truncated = false
    /// libxml2 met bytes that are not UTF-8 and, recovering, passes them on as
    /// they are: set by the SAX layer for the rest of the document. Until then
    /// every byte taken is valid UTF-8 (libxml2 checked each character).
    var mayBeInvalidUTF8 = false
    private var storage: UnsafeMutablePointer<UInt8>
    /// Bytes copied into `storage`.
    private var count = 0
    private var capacity: Int

    /// The document being parsed, while the parse runs (`attach`): verbatim
    /// spans point into it and body slices share it. Attached only when
    /// libxml2 reads the document without a decoder (its input buffer then
    /// holds the document's own bytes).
    private var source: [UInt8] = []
    private(set) var sourceBase: UnsafePointer<UInt8>?
    /// The field's verbatim span in `source` (`spanEnd < 0`: none). While one
    /// is open, `storage` holds nothing or only blank pieces that followed it,
    /// which trimming would drop.
    private var spanStart = 0
    private var spanEnd = -1

    /// The parser's callback table (`ctxt->sax`) and the text callback, while a
    /// parse runs (`connect`): the callback is installed only while a field is
    /// captured, so the text nobody keeps (indentation between tags, elements
    /// nobody reads: about half the text runs of a feed) costs libxml2 no call.
    private var callbacks: UnsafeMutablePointer<xmlSAXHandler>?
    private var textCallback: charactersSAXFunc?

    init() {
        capacity = 4096
        storage = .allocate(capacity: capacity)
    }

    func release() {
        storage.deallocate()
    }

    /// The document the following pieces' offsets refer to; `base` is its
    /// buffer, valid until `detach()`.
    mutating func attach(_ document: [UInt8], base: UnsafePointer<UInt8>) {
        source = document
        sourceBase = base
        spanEnd = -1
    }

    mutating func detach() {
        source = []
        sourceBase = nil
        spanEnd = -1
    }

    /// Text goes to `callback` (for CDATA too) while a field is captured.
    /// `callbacks` must stay valid until `disconnect()`.
    mutating func connect(_ callbacks: UnsafeMutablePointer<xmlSAXHandler>, callback: @escaping charactersSAXFunc) {
        self.callbacks = callbacks
        textCallback = callback
        installCallback(capturing)
    }

    mutating func disconnect() {
        callbacks = nil
        textCallback = nil
    }

    private func installCallback(_ on: Bool) {
        guard let callbacks else { return }
        callbacks.pointee.characters = on ? textCallback : nil
        callbacks.pointee.cdataBlock = on ? textCallback : nil
    }

    /// Starts a new field.
    mutating func begin(escapingMarkup: Bool) {
        if !capturing { installCallback(true) }
        capturing = true
        escapesMarkup = escapingMarkup
        count = 0
        spanEnd = -1
    }

    mutating func end() {
        capturing = false
        installCallback(false)
    }

    /// The field's bytes so far (valid until the next append).
    var bytes: UnsafeBufferPointer<UInt8> {
        if spanEnd >= 0, let sourceBase {
            return UnsafeBufferPointer(start: sourceBase + spanStart, count: spanEnd - spanStart)
        }
        return UnsafeBufferPointer(start: storage, count: count)
    }

    /// `text` (part of `bytes`) as a slice of the document, when it lies in it.
    func slice(of text: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8>? {
        guard let sourceBase, let start = text.baseAddress,
              start >= sourceBase, start + text.count <= sourceBase + source.count else { return nil }
        let offset = start - sourceBase
        return source[offset..<(offset + text.count)]
    }

    /// Whether the next piece could join a verbatim span (else its offset is not needed).
    @inline(__always)
    var acceptsSpan: Bool { !escapesMarkup && (count == 0 || spanEnd >= 0) }

    /// A piece at `offset` would continue the open span directly (libxml2
    /// hands out long CDATA sections and text runs in pieces of a few hundred bytes).
    @inline(__always)
    func continuesSpan(at offset: Int) -> Bool { spanEnd >= 0 && offset == spanEnd && count == 0 }

    /// Character data from the parser, copied. The common case (room left,
    /// nothing to escape, no span open) is inlined into the SAX callback;
    /// pieces are often a byte or a few (each entity reference is one), too
    /// short for a memcpy call.
    @inline(__always)
    mutating func take(_ text: UnsafeBufferPointer<UInt8>) {
        let length = text.count
        guard capturing, let base = text.baseAddress else { return }
        guard !escapesMarkup, spanEnd < 0, count + length <= capacity, count + length <= Self.maxBytes else {
            return take(text, at: nil)
        }
        let target = storage + count
        if length <= 16 {
            Self.copySmall(target, base, length)
        } else {
            target.update(from: base, count: length)
        }
        count += length
    }

    /// Copies up to 16 bytes with two overlapping loads and stores of the
    /// widest size that fits (no loop, no call).
    @inline(__always)
    static func copySmall(_ target: UnsafeMutablePointer<UInt8>, _ source: UnsafePointer<UInt8>, _ length: Int) {
        let to = UnsafeMutableRawPointer(target), from = UnsafeRawPointer(source)
        if length >= 8 {
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        } else if length >= 4 {
            let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
        } else if length > 0 {
            // 1 to 3 bytes: the first, the middle and the last (some the same).
            let first = source[0], middle = source[length / 2], last = source[length - 1]
            target[0] = first
            target[length / 2] = middle
            target[length - 1] = last
        }
    }

    /// Character data from the parser; `offset` is where it stands verbatim
    /// in the attached document, if it does.
    mutating func take(_ text: UnsafeBufferPointer<UInt8>, at offset: Int?) {
        guard capturing, let base = text.baseAddress else { return }
        if let offset, acceptsSpan, extendSpan(offset, text) { return }
        if spanEnd >= 0 { copySpan() }
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

    /// Takes a verbatim piece into the span, if the field can stay one span.
    @inline(__always)
    private mutating func extendSpan(_ offset: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = offset + text.count
        if spanEnd < 0 { // and nothing copied yet (`acceptsSpan`)
            guard text.count <= Self.maxBytes else { return false }
            spanStart = offset
            spanEnd = end
            return true
        }
        if continuesSpan(at: offset), end - spanStart <= Self.maxBytes {
            spanEnd = end
            return true
        }
        // Blank pieces around the span (indentation, a line end after CDATA) are trimmed later.
        if Self.isBlank(text) {
            guard count + text.count <= 4096 else { return false }
            append(text.baseAddress!, text.count)
            return true
        }
        // A span that is all blank so far (nothing copied after it) gives way to this piece.
        if count == 0, Self.isBlank(bytes) {
            spanStart = offset
            spanEnd = end
            return true
        }
        return false
    }

    /// Ends the span: its bytes (and any blank pieces after it) become copied text.
    private mutating func copySpan() {
        let span = bytes
        spanEnd = -1
        let tail = count
        if span.count + tail > capacity { grow(to: span.count + tail) }
        (storage + span.count).update(from: storage, count: tail) // overlapping: memmove
        storage.update(from: span.baseAddress!, count: span.count)
        count = span.count + tail
    }

    /// Only the white space a field is trimmed of (`ASCII.trimmingXMLSpace`).
    static func isBlank(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.allSatisfy(ASCII.isXMLSpace)
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
        if spanEnd >= 0 { copySpan() }
        if count == capacity { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    mutating func append(_ literal: StaticString) {
        if spanEnd >= 0 { copySpan() }
        append(literal.utf8Start, literal.utf8CodeUnitCount)
    }

    /// A NUL-terminated name from libxml2.
    mutating func append(name: UnsafePointer<UInt8>) {
        if spanEnd >= 0 { copySpan() }
        append(name, strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)))
    }

    /// Runs between the characters to escape are copied whole.
    mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, quote: Bool) {
        if spanEnd >= 0 { copySpan() }
        guard let base = text.baseAddress else { return }
        var run = 0
        for i in 0..<text.count {
            guard let entity = TextCleaning.htmlEscape(base[i], quote: quote) else { continue }
            if run < i { append(base + run, i - run) }
            append(entity)
            run = i + 1
        }
        if run < text.count { append(base + run, text.count - run) }
    }
}
