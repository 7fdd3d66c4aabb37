import CLibXML2
import Foundation
import TidingsModel

// The only file that touches libxml2. Everything else sees byte pointers
// (`xmlChar` is `UInt8`) that are valid only for the duration of a callback.
//
// Contract:
// - One `SAXParser.parse` call owns one libxml2 push-parser context from start
//   to finish; nothing is shared between calls except the immutable HTML entity
//   table, so concurrent calls on different documents from different threads are
//   safe (`xmlInitParser()` runs once, before the first context is made).
// - Callbacks arrive synchronously on the calling thread, in document order.
// - The parser's `userData` is our own `SAXSession`, never the context: libxml2
//   only honours our `getEntity` guard when `userData` is not the context
//   (PLATFORM.md), and that guard is what keeps internal-entity blowups out.

// The events go to `FeedHandler` (the one consumer), called directly from the
// C callbacks: `startElement(_:)`, `endElement(localName:namespace:)`, text
// into its `textSink` (kept while `TextSink.capturing`), and `wantsToStop`
// checked after each start tag (not a feed, entry cap). Pointers are only
// valid during the call.

/// A start tag as libxml2 delivers it: attributes come as five pointers each
/// (local name, prefix, namespace URI, value start, value end).
struct SAXElement {
    let localName: UnsafePointer<UInt8>
    let namespace: UnsafePointer<UInt8>?
    let attributeCount: Int
    let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    /// Shift_JIS document: values get the JIS X 0208 reading (`JISReading`).
    var jisReading = false

    /// The value of an attribute without namespace (or in `namespace`).
    func attribute(_ name: StaticString, namespace ns: StaticString? = nil) -> String? {
        guard let attributes else { return nil }
        for i in 0..<attributeCount {
            let base = attributes + i * 5
            guard let local = base[0], ByteName.equals(local, name) else { continue }
            if let ns {
                guard let uri = base[2], ByteName.equals(uri, ns) else { continue }
            } else if base[2] != nil {
                continue
            }
            return value(base)
        }
        return nil
    }

    /// A keyword-like attribute (`rel`, `type`, `isPermaLink`): the value
    /// trimmed of ASCII spaces and ASCII-lowercased in one pass over its
    /// bytes (short values need no allocation). `nil` when absent.
    func attributeKeyword(_ name: StaticString) -> String? {
        guard let attributes else { return nil }
        for i in 0..<attributeCount {
            let base = attributes + i * 5
            guard let local = base[0], base[2] == nil, ByteName.equals(local, name) else { continue }
            guard let start = base[3], let end = base[4] else { return "" }
            let bytes = ASCII.trimmingXMLSpace(UnsafeBufferPointer(start: start, count: end - start))
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (k, b) in bytes.enumerated() { out[k] = ASCII.lowercased(b) }
                return bytes.count
            }
        }
        return nil
    }

    /// Some attribute is in a namespace (`xml:base`, `rdf:about`, …).
    var hasNamespacedAttribute: Bool {
        guard let attributes else { return false }
        for i in 0..<attributeCount where attributes[i * 5 + 2] != nil { return true }
        return false
    }

    /// Visits every attribute as (local name, namespace, value bytes).
    func forEachAttribute(_ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let attributes else { return }
        for i in 0..<attributeCount {
            let base = attributes + i * 5
            guard let local = base[0], let start = base[3], let end = base[4] else { continue }
            let bytes = UnsafeBufferPointer(start: start, count: end - start)
            if jisReading, JISReading.needsFix(bytes) {
                JISReading.fixed(bytes).withUnsafeBufferPointer { body(local, base[2], $0) }
            } else {
                body(local, base[2], bytes)
            }
        }
    }

    private func value(_ base: UnsafeMutablePointer<UnsafePointer<UInt8>?>) -> String {
        guard let start = base[3], let end = base[4] else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        if jisReading, JISReading.needsFix(bytes) {
            return JISReading.fixed(bytes).withUnsafeBufferPointer(Self.decodedValue)
        }
        return Self.decodedValue(bytes)
    }

    /// Without entity substitution libxml2 hands out every `&` in an attribute
    /// value (`&amp;`, `&#38;`) as the text `&#38;`, for a later tree builder to
    /// undo. We are that later step.
    /// One pass over the bytes (Foundation's `replacingOccurrences` went
    /// through UTF-16: 10,000 instructions for an `href` with a query string).
    static func decodedValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let escaped: StaticString = "&#38;", ampersand = UInt8(ascii: "&")
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var i = 0, o = 0
            while i < bytes.count {
                if bytes[i] == ampersand, i + 5 <= bytes.count, memcmp(base + i, escaped.utf8Start, 5) == 0 {
                    out[o] = ampersand
                    i += 5
                } else {
                    out[o] = bytes[i]
                    i += 1
                }
                o += 1
            }
            return o
        }
    }
}

/// What the SAX layer itself learned: recoverable errors and whether it had to stop.
struct SAXOutcome {
    var warnings: [String] = []
    /// No start tag at all was seen (not XML, or nothing but a prolog).
    var sawRootElement = false
    /// The parse stopped at an error the input can be repaired for (see `InputRepair`).
    var repairNeeded: InputRepair?
}

/// Errors libxml2 recovers from badly that a repaired input avoids. Documents
/// are parsed as they are first; only one that shows such an error is repaired
/// and parsed again, so clean documents pay nothing for the repairs.
enum InputRepair {
    /// A bare `&` (`AT&T`, `?a=1&b=2`): see `AmpersandRepair`.
    case bareAmpersand
    /// Bytes that are not UTF-8 in a UTF-8 document: see `UTF8Repair`.
    case invalidUTF8

    /// Both, in one constant: a document's list of repairs still to try is
    /// made without an allocation (a `Set` literal hashed both, per document).
    static let all: [InputRepair] = [.bareAmpersand, .invalidUTF8]

    init?(_ error: xmlError) {
        switch Int(error.code) {
        case Int(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue), Int(XML_ERR_NAME_REQUIRED.rawValue):
            // "EntityRef: expecting ';'", "xmlParseEntityRef: no name"; code 68 has other sources too.
            guard let message = error.message, strstr(message, "EntityRef") != nil else { return nil }
            self = .bareAmpersand
        case Int(XML_ERR_INVALID_CHAR.rawValue):
            // Also raised for valid UTF-8 that XML forbids (control characters).
            guard let message = error.message, strncmp(message, "Input is not proper UTF-8", 25) == 0 else { return nil }
            self = .invalidUTF8
        default:
            return nil
        }
    }
}

enum SAXParser {
    static let chunkSize = 256 * 1024
    /// Distinct warning messages kept per document.
    static let maxWarnings = 20

    private static let initialized: Void = {
        xmlInitParser()
        // Registers the windows-1252 handler in libxml2's global table now,
        // before any of our parses looks handlers up on other threads.
        _ = Windows1252Decoder.handler
    }()

    /// Parses `bytes` with the push parser, in chunks.
    /// `forcedEncoding` is an iconv name that overrides whatever the document
    /// declares (the caller has already applied BOM > HTTP charset > declaration).
    /// `stopFor`: stop at the first error one of these repairs can avoid, and say which.
    static func parse(_ bytes: [UInt8], forcedEncoding: String?, delegate: FeedHandler,
                                             stopFor repairs: [InputRepair] = []) -> SAXOutcome {
        _ = initialized
        guard !bytes.isEmpty else { return SAXOutcome() }
        let session = SAXSession(
            delegate: delegate, inputSize: bytes.count,
            jisReading: JISReading.applies(toForcedEncoding: forcedEncoding))
        session.stopFor = repairs
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            Unmanaged<SAXSession>.fromOpaque(ctx)._withUnsafeGuaranteedRef { session in
                session.sawRoot = true
                session.startElement(SAXElement(
                    localName: localname, namespace: uri,
                    attributeCount: Int(nbAttributes), attributes: attributes, jisReading: session.jisReading))
            }
        }
        handler.endElementNs = { ctx, localname, _, uri in
            guard let ctx, let localname else { return }
            Unmanaged<SAXSession>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.endElement(localName: localname, namespace: uri)
            }
        }
        let characters: charactersSAXFunc = { ctx, chars, len in
            guard let ctx, let chars, len > 0 else { return }
            Unmanaged<SAXSession>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.deliver(UnsafeBufferPointer(start: chars, count: Int(len)))
            }
        }
        // `characters` and `cdataBlock` stay unset: the handler's text sink
        // installs the text callback in the context only while it captures.
        handler.getEntity = { _, name in
            // Only the five predefined entities and the HTML names we map
            // ourselves; never entities declared in the document's DTD.
            guard let name else { return nil }
            if let predefined = xmlGetPredefinedEntity(name) { return predefined }
            return HTMLEntityTable.shared.entity(named: name)
        }
        let structuredError: xmlStructuredErrorFunc = { ctx, error in
            guard let ctx, let error else { return }
            Unmanaged<SAXSession>.fromOpaque(ctx).takeUnretainedValue().record(error.pointee)
        }
        handler.serror = structuredError

        let userData = Unmanaged.passUnretained(session).toOpaque()
        // Encoding conversion errors are raised without a parser context, so
        // they skip `serror` and go to the thread's structured (else generic)
        // handler: libxml2 would print them on stderr. Take them on this
        // thread for the duration of the parse (from before the context is made: its
        // first bytes are already converted), and give the handler back.
        let savedErrorFunc = __xmlStructuredError().pointee
        let savedErrorContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(userData, structuredError)
        defer { xmlSetStructuredErrorFunc(savedErrorContext, savedErrorFunc) }
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
        let ctxt: xmlParserCtxtPtr?
        if let forcedEncoding, let encoder = forcedEncoding == Windows1252Decoder.iconvName
            ? Windows1252Decoder.handler : xmlFindCharEncodingHandler(forcedEncoding) {
            ctxt = xmlCreatePushParserCtxt(&handler, userData, nil, 0, nil)
            if let ctxt {
                xmlCtxtUseOptions(ctxt, options | Int32(XML_PARSE_IGNORE_ENC.rawValue))
                xmlSwitchToEncoding(ctxt, encoder)
            }
        } else {
            // libxml2 sniffs BOMs and UTF-16 from the first four bytes it is given.
            let head = min(4, bytes.count)
            ctxt = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: head) {
                    xmlCreatePushParserCtxt(&handler, userData, $0, Int32(head), nil)
                }
            }
            if let ctxt { xmlCtxtUseOptions(ctxt, options) }
            session.offset = head
        }
        // The context's own copy of the callback table (`sax`) is what the
        // text sink edits; a context without one would deliver no text.
        guard let ctxt, let callbacks = ctxt.pointee.sax else {
            if let ctxt { xmlFreeParserCtxt(ctxt) }
            return SAXOutcome(warnings: ["libxml2 could not create a parser"])
        }
        session.context = ctxt
        delegate.textSink.pointee.connect(callbacks, callback: characters)
        defer {
            delegate.textSink.pointee.disconnect()
            // An internal subset with entity declarations makes libxml2 build a
            // "SAX compatibility" document in `myDoc` even in pure SAX mode, and
            // xmlFreeParserCtxt does not free it (found by the fuzzer: a leak per
            // document with `<!ENTITY …>`).
            if let doc = ctxt.pointee.myDoc {
                ctxt.pointee.myDoc = nil
                xmlFreeDoc(doc)
            }
            xmlFreeParserCtxt(ctxt)
        }

        bytes.withUnsafeBufferPointer { buffer in
            // Without a decoder libxml2's input is the document itself: text found
            // verbatim in it is kept as slices of `bytes` (see `TextSink`).
            if forcedEncoding == nil, !session.jisReading {
                delegate.textSink.pointee.attach(bytes, base: buffer.baseAddress!)
            }
            defer { delegate.textSink.pointee.detach() }
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                while !session.stopped {
                    let length = min(chunkSize, buffer.count - session.offset)
                    let last = session.offset + length >= buffer.count
                    xmlParseChunk(ctxt, base + session.offset, Int32(length), last ? 1 : 0)
                    session.offset += length
                    if last { break }
                }
            }
        }
        // Encoding conversion failures bypass `serror`: libxml2 prints them,
        // parses what it converted up to the bad bytes and leaves the rest in
        // the raw input buffer. Look at the context (PLATFORM.md).
        let errNo = Int(ctxt.pointee.errNo)
        if let repair = session.repairNeeded {
            return SAXOutcome(sawRootElement: session.sawRoot, repairNeeded: repair)
        }
        if session.warnings.isEmpty, ctxt.pointee.wellFormed == 0, errNo != 0, !session.stopped {
            session.warnings.append("parse error \(errNo) (malformed document or undecodable bytes)")
        }
        var warnings = session.summarizedWarnings
        if !session.stopped, let failure = encodingFailure(ctxt) {
            // First: it explains the errors that follow from the cut-off text.
            let name = forcedEncoding ?? "the declared encoding"
            warnings.insert("encoding error: \(failure) not valid \(name); the rest of the document was not read", at: 0)
        }
        return SAXOutcome(warnings: warnings, sawRootElement: session.sawRoot)
    }
}

extension SAXParser {
    /// Describes an input conversion failure left behind in the context, if any.
    /// (xmlParseChunk's return value is the context's last error of any kind,
    /// so it cannot tell a conversion failure from a recovered one.)
    fileprivate static func encodingFailure(_ ctxt: xmlParserCtxtPtr) -> String? {
        guard let input = ctxt.pointee.input, let buf = input.pointee.buf, buf.pointee.encoder != nil else { return nil }
        let unread = buf.pointee.raw.map { xmlBufUse($0) } ?? 0
        guard unread > 0 || buf.pointee.error != 0 else { return nil }
        return "the bytes from offset \(buf.pointee.rawconsumed) (\(unread) left) are"
    }
}

/// The parser's `userData`: owns per-document state of the SAX layer and
/// calls the handler directly (a final class: no dynamic dispatch, no
/// reference counting per event; a generic delegate behind a base class cost
/// a virtual call and two protocol thunks per tag). Its properties skip
/// dynamic exclusivity checks for the reason given on `FeedHandler`.
private final class SAXSession {
    let delegate: FeedHandler
    @exclusivity(unchecked) var context: xmlParserCtxtPtr?
    @exclusivity(unchecked) var warnings: [String] = []
    @exclusivity(unchecked) var offset = 0
    @exclusivity(unchecked) var stopped = false
    @exclusivity(unchecked) var sawRoot = false
    @exclusivity(unchecked) var stopFor: [InputRepair] = []
    @exclusivity(unchecked) var repairNeeded: InputRepair?
    private let inputSize: Int
    /// Shift_JIS: text and attribute values get the JIS X 0208 reading.
    let jisReading: Bool
    /// Captured text delivered so far (the entity-expansion guard).
    @exclusivity(unchecked) private var delivered = 0
    private let deliveryLimit: Int

    /// The handler's text sink.
    private let sink: UnsafeMutablePointer<TextSink>

    init(delegate: FeedHandler, inputSize: Int, jisReading: Bool) {
        self.delegate = delegate
        self.jisReading = jisReading
        self.sink = delegate.textSink
        self.inputSize = inputSize
        // Text can legitimately outgrow its source a little (entities, CDATA
        // re-delivery); many times the input means an entity expansion attack.
        deliveryLimit = inputSize * 8 + 1_000_000
    }

    func startElement(_ element: SAXElement) {
        delegate.startElement(element)
        if delegate.wantsToStop { stop(reason: nil) }
    }

    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        delegate.endElement(localName: localName, namespace: namespace)
    }

    /// Every text callback (one per text run, CDATA piece and entity reference
    /// while the handler captures a field): inlined into it, the rare cases out of line.
    @inline(__always)
    func deliver(_ bytes: UnsafeBufferPointer<UInt8>) {
        delivered &+= bytes.count
        if delivered > deliveryLimit { return stopExpansion() }
        guard sink.pointee.capturing else { return }
        if jisReading { return deliverJIS(bytes) }
        if sink.pointee.acceptsSpan, sink.pointee.sourceBase != nil {
            sink.pointee.take(bytes, at: sourceOffset(of: bytes))
        } else {
            sink.pointee.take(bytes)
        }
    }

    @inline(never)
    private func stopExpansion() {
        stop(reason: "stopped: the document expands to far more text than its \(deliveryLimit / 8) bytes (entity expansion?)")
    }

    @inline(never)
    private func deliverJIS(_ bytes: UnsafeBufferPointer<UInt8>) {
        if JISReading.needsFix(bytes) {
            JISReading.fixed(bytes).withUnsafeBufferPointer { sink.pointee.take($0, at: nil) }
        } else {
            sink.pointee.take(bytes, at: nil)
        }
    }

    /// Where `text` stands byte for byte in the document, if it does: it lies
    /// in libxml2's input buffer, which holds the document's own bytes (no
    /// decoder: UTF-8 read as it is). libxml2 hands out text straight from
    /// that buffer for CDATA and for character data without references or
    /// CR LF; decoded entities and normalized line ends come from elsewhere.
    /// `consumed` counts the bytes libxml2 dropped from the buffer's front.
    @inline(__always)
    private func sourceOffset(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let sourceBase = sink.pointee.sourceBase, let context, let input = context.pointee.input,
              let start = text.baseAddress, let base = input.pointee.base, let end = input.pointee.end,
              start >= base, start + text.count <= end,
              context.pointee.inputNr == 1, input.pointee.buf?.pointee.encoder == nil else { return nil }
        let offset = Int(input.pointee.consumed) + (start - base)
        guard offset + text.count <= inputSize else { return nil }
        // Cheap guard against a wrong offset: the ends must match (debug and
        // fuzz builds compare every byte, below). Only where a span starts or
        // resumes: a piece that continues the open span byte for byte follows
        // one already checked, and reading the document's copy of every
        // 300-byte CDATA piece missed the cache twice a piece (libxml2 reads
        // its own copy of the input), about 5% of the time on the big feed.
        if !sink.pointee.continuesSpan(at: offset) {
            guard sourceBase[offset] == start[0], sourceBase[offset + text.count - 1] == start[text.count - 1] else {
                return nil
            }
        }
        #if TIDINGS_VERIFY_SPANS // the fuzz build (scripts/fuzz): every piece, in release
        precondition(memcmp(sourceBase + offset, start, text.count) == 0, "verbatim text is not where libxml2's offsets say")
        #else
        assert(memcmp(sourceBase + offset, start, text.count) == 0, "verbatim text is not where libxml2's offsets say")
        #endif
        return offset
    }

    func stop(reason: String?) {
        guard !stopped else { return }
        stopped = true
        if let reason { warnings.append(reason) }
        if let context { xmlStopParser(context) }
    }

    /// Index into `warnings` and repeat count for each distinct message, so a
    /// problem repeated 5,000 times is one line, not 5,000.
    @exclusivity(unchecked) private var seen: [String: (index: Int, repeats: Int)] = [:]

    func record(_ error: xmlError) {
        // "Input is not proper UTF-8": libxml2 switches to reading bytes as
        // Latin-1 but copies them through unconverted.
        if error.code == XML_ERR_INVALID_CHAR.rawValue || error.code == XML_ERR_INVALID_ENCODING.rawValue
            || error.code == XML_I18N_CONV_FAILED.rawValue {
            sink.pointee.mayBeInvalidUTF8 = true
        }
        guard !stopped else { return }
        if !stopFor.isEmpty, let repair = InputRepair(error), stopFor.contains(repair) {
            repairNeeded = repair
            stop(reason: nil)
            return
        }
        var message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        message = message.replacingOccurrences(of: "\n", with: " ")
        if let known = seen[message] {
            seen[message] = (known.index, known.repeats + 1)
            return
        }
        guard seen.count < SAXParser.maxWarnings else { return }
        seen[message] = (warnings.count, 0)
        warnings.append(error.line > 0 ? "line \(error.line): \(message)" : message)
    }

    /// The warnings with repeat counts folded in.
    var summarizedWarnings: [String] {
        var out = warnings
        for (_, entry) in seen where entry.repeats > 0 {
            out[entry.index] += " (and \(entry.repeats) more like it)"
        }
        return out
    }
}

/// libxml2 entity records for the HTML named entities, made once and never
/// mutated, so every parser on every thread can hand out the same pointers.
/// They are typed "predefined" so libxml2 inlines their text as characters
/// instead of parsing it as markup. (In attribute values libxml2 copies only
/// the first byte of a predefined entity; HTML entities in attributes are rare.)
private final class HTMLEntityTable: @unchecked Sendable {
    static let shared = HTMLEntityTable()
    private let entities: [String: xmlEntityPtr]

    private init() {
        var entities: [String: xmlEntityPtr] = [:]
        for (name, content) in HTMLCharacterReferences.all where xmlGetPredefinedEntity(name) == nil {
            if let entity = xmlNewEntity(nil, name, Int32(XML_INTERNAL_PREDEFINED_ENTITY.rawValue), nil, nil, content) {
                entities[name] = entity
            }
        }
        self.entities = entities
    }

    func entity(named name: UnsafePointer<UInt8>) -> xmlEntityPtr? {
        entities[String(cString: name)]
    }
}
