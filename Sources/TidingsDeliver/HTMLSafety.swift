/// A small, conservative HTML sanitizer for the text/html part of a message.
///
/// Mail readers differ wildly in what they run (some render HTML in a browser engine), so we
/// remove what can execute or phone home beyond plain images and links: `<script>`, `<style>`,
/// frames and plugins, forms, `<base>`/`<meta>`/`<link>`, comments (IE conditional comments can
/// carry scripts), every `on*` event-handler attribute, and URLs with `javascript:`,
/// `vbscript:` or (outside images) `data:` schemes. URL attributes are made absolute on the way
/// (`HTMLLinks`), so the part is rendered in one pass over the bytes.
///
/// This is an allow-everything-else filter, not a whitelist: good enough for content that the
/// user subscribed to and a mail reader that has its own protections, not for a web page.
enum HTMLSafety {
    // Which elements are removed (with or without their content) is in ElementTraits.

    static func sanitize(_ html: String, base: String?) -> String {
        String(decoding: sanitizedBytes(html, base: base), as: UTF8.self)
    }

    static func sanitizedBytes(_ html: String, base: String?) -> [UInt8] {
        var out: [UInt8] = []
        sanitize(HTMLDocument(html), resolver: HTMLLinks.Resolver(base: base), into: &out)
        return out
    }

    /// Appends the sanitized document to `out`.
    static func sanitize(_ document: HTMLDocument, resolver: HTMLLinks.Resolver, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + document.sourceCount + 256)
        // Depth inside dropped elements such as <iframe>…</iframe> that are not raw text.
        var droppedDepth = 0
        var droppedElement = HTMLElement.unknown
        var resolved: [UInt8] = []
        document.bytes.withUnsafeBufferPointer { bytes in
          document.attributes.withUnsafeBufferPointer { attributes in
            for token in document.tokens {
                switch token.kind {
                case .text:
                    guard droppedDepth == 0 else { continue }
                    appendText(UnsafeBufferPointer(rebasing: bytes[token.range]), into: &out)
                case .rawText:
                    // textarea/xmp contents are text worth keeping; script/style are not.
                    if droppedDepth == 0 && (token.element == .textarea || token.element == .xmp) {
                        HTMLWriter.escape(UnsafeBufferPointer(rebasing: bytes[token.range]), into: &out)
                    }
                case .startTag:
                    if droppedDepth > 0 {
                        if token.element == droppedElement && !token.selfClosing { droppedDepth += 1 }
                        continue
                    }
                    let traits = token.element.traits
                    if traits.contains(.dropWithContent) {
                        if !token.selfClosing && !traits.contains(.rawText) {
                            droppedDepth = 1
                            droppedElement = token.element
                        }
                        continue
                    }
                    if traits.contains(.dropTag) { continue }
                    writeStartTag(token, attributes, bytes, resolver: resolver, scratch: &resolved, into: &out)
                case .endTag:
                    if droppedDepth > 0 {
                        if token.element == droppedElement { droppedDepth -= 1 }
                        continue
                    }
                    if !token.element.traits.isDisjoint(with: [.dropWithContent, .dropTag]) { continue }
                    HTMLWriter.writeEndTag(UnsafeBufferPointer(rebasing: bytes[token.range]), into: &out)
                case .comment:
                    continue
                }
            }
          }
        }
    }

    /// The tag with only safe attributes, URLs made absolute.
    private static func writeStartTag(_ token: HTMLToken, _ attributes: UnsafeBufferPointer<HTMLAttribute>, _ bytes: UnsafeBufferPointer<UInt8>,
                                      resolver: HTMLLinks.Resolver, scratch: inout [UInt8], into out: inout [UInt8]) {
        guard HTMLWriter.openStartTag(UnsafeBufferPointer(rebasing: bytes[token.range]), into: &out) else { return }
        var keptTarget = false
        for attribute in attributes[token.attributes] {
            let name = UnsafeBufferPointer(rebasing: bytes[attribute.name])
            if name.count > 2 && name[0] == UInt8(ascii: "o") && name[1] == UInt8(ascii: "n") { continue }
            guard let range = attribute.value else {
                HTMLWriter.writeAttribute(name, value: nil, into: &out)
                keptTarget = keptTarget || attribute.known == .target
                continue
            }
            let value = UnsafeBufferPointer(rebasing: bytes[range])
            switch attribute.known {
            case .style where containsDangerousCSS(value):
                continue
            case .href, .src, .poster, .cite, .action, .background, .longdesc, .data, .xlinkHref, .formaction:
                scratch.removeAll(keepingCapacity: true)
                resolver.resolve(value, into: &scratch)
                let allowData = token.element == .img && attribute.known == .src
                let safe = scratch.withUnsafeBufferPointer { resolved in
                    guard isSafeURL(resolved, allowData: allowData) else { return false }
                    HTMLWriter.writeAttribute(name, value: resolved, into: &out)
                    return true
                }
                if !safe { continue }
            case .srcset:
                guard isSafeURL(value, allowData: false) else { continue }
                scratch.removeAll(keepingCapacity: true)
                resolver.resolveSrcset(value, into: &scratch)
                scratch.withUnsafeBufferPointer { HTMLWriter.writeAttribute(name, value: $0, into: &out) }
            default:
                HTMLWriter.writeAttribute(name, value: value, into: &out)
            }
            keptTarget = keptTarget || attribute.known == .target
        }
        if token.element == .a && keptTarget {
            // Links opened from a message must not get a handle on the reader's window.
            out.append(contentsOf: #" rel="noopener noreferrer""#.utf8)
        }
        HTMLWriter.closeStartTag(selfClosing: token.selfClosing, into: &out)
    }

    /// False for script-bearing schemes. Browsers strip tabs and newlines inside URLs
    /// (`java\nscript:`) and ignore leading controls, so compare after removing them.
    static func isSafeURL(_ url: String, allowData: Bool) -> Bool {
        var url = url
        return url.withUTF8 { isSafeURL($0, allowData: allowData) }
    }

    static func isSafeURL(_ url: UnsafeBufferPointer<UInt8>, allowData: Bool) -> Bool {
        // The scheme, lower-cased, without controls; longer than any dangerous one means safe.
        var scheme: (UInt64, UInt64) = (0, 0)
        var length = 0
        for b in url {
            if b <= 0x20 { continue }
            if b == UInt8(ascii: ":") { break }
            if length == 12 { return true }
            if length < 8 { scheme.0 |= UInt64(b | 0x20) << (8 * length) } else { scheme.1 |= UInt64(b | 0x20) << (8 * (length - 8)) }
            length += 1
        }
        let packed = PackedScheme(length: length, low: scheme.0, high: scheme.1)
        if scriptSchemes.contains(packed) { return false }
        if packed == dataScheme { return allowData && url.count > 11 && isImageData(String(decoding: url, as: UTF8.self)) }
        return true
    }

    /// A scheme of up to 12 bytes as (length, bytes 0–7, bytes 8–11) little-endian, to compare without a String.
    private struct PackedScheme: Equatable {
        var length: Int, low: UInt64, high: UInt64
    }

    private static func packed(_ s: StaticString) -> PackedScheme {
        var a: UInt64 = 0, b: UInt64 = 0
        s.withUTF8Buffer { bytes in
            for (n, byte) in bytes.enumerated() {
                if n < 8 { a |= UInt64(byte) << (8 * n) } else { b |= UInt64(byte) << (8 * (n - 8)) }
            }
        }
        return PackedScheme(length: s.utf8CodeUnitCount, low: a, high: b)
    }
    private static let scriptSchemes = [packed("javascript"), packed("vbscript"), packed("livescript"), packed("mocha")]
    private static let dataScheme = packed("data")

    private static func isImageData(_ url: String) -> Bool {
        let lower = url.prefix(40).lowercased().filter { !$0.isWhitespace }
        return lower.hasPrefix("data:image/") && !lower.hasPrefix("data:image/svg")
    }

    /// `expression()` (old IE), `javascript:` URLs and `-moz-binding` can run code from CSS.
    private static func containsDangerousCSS(_ css: UnsafeBufferPointer<UInt8>) -> Bool {
        // Unicode lower-casing and Character matching only differ from ASCII ones when there is
        // non-ASCII text; keep the String semantics for that rare case.
        if css.contains(where: { $0 >= 0x80 }) { return containsDangerousCSS(String(decoding: css, as: UTF8.self)) }
        for needle in dangerousCSS where contains(css, lowercasedNeedle: needle) { return true }
        return false
    }

    private static let dangerousCSS: [[UInt8]] = ["expression", "javascript:", "-moz-binding", "behavior"].map { Array($0.utf8) }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, lowercasedNeedle needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            var n = 0
            while n < needle.count && HTMLTokenizer.folded(haystack[start + n]) == needle[n] { n += 1 }
            if n == needle.count { return true }
        }
        return false
    }

    private static func containsDangerousCSS(_ css: String) -> Bool {
        let lower = css.lowercased()
        return lower.contains("expression") || lower.contains("javascript:") || lower.contains("-moz-binding")
            || lower.contains("behavior")
    }

    /// Text is copied as written (entities stay encoded); a lone `<` or `>` is escaped so that
    /// the tokenizer's idea of text and the reader's agree.
    private static func appendText(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let count = bytes.count
        while i < count {
            var j = i
            while j < count && bytes[j] != UInt8(ascii: "<") && bytes[j] != UInt8(ascii: ">") { j += 1 }
            if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
            guard j < count else { return }
            out.append(contentsOf: bytes[j] == UInt8(ascii: "<") ? "&lt;".utf8 : "&gt;".utf8)
            i = j + 1
        }
    }
}
