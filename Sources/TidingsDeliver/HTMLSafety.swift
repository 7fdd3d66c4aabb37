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
        sanitizedBytes(HTMLDocument(html), base: base)
    }

    static func sanitizedBytes(_ document: HTMLDocument, base: String?) -> [UInt8] {
        let resolver = HTMLLinks.Resolver(base: base)
        let bytes = document.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        // Depth inside dropped elements such as <iframe>…</iframe> that are not raw text.
        var droppedDepth = 0
        var droppedName = ""
        for token in document.tokens {
            switch token {
            case .text(let range):
                guard droppedDepth == 0 else { continue }
                appendText(bytes[range], into: &out)
            case .rawText(let name, let range):
                // textarea/xmp contents are text worth keeping; script/style are not.
                if droppedDepth == 0 && (name == "textarea" || name == "xmp") {
                    HTMLWriter.escape(String(decoding: bytes[range], as: UTF8.self), into: &out)
                }
            case .startTag(var tag):
                if droppedDepth > 0 {
                    if tag.name == droppedName && !tag.selfClosing { droppedDepth += 1 }
                    continue
                }
                if tag.traits.contains(.dropWithContent) {
                    if !tag.selfClosing && !tag.traits.contains(.rawText) {
                        droppedDepth = 1
                        droppedName = tag.name
                    }
                    continue
                }
                if tag.traits.contains(.dropTag) { continue }
                tag.attributes = safeAttributes(tag, resolver: resolver)
                HTMLWriter.writeStartTag(tag, into: &out)
            case .endTag(let name, let traits):
                if droppedDepth > 0 {
                    if name == droppedName { droppedDepth -= 1 }
                    continue
                }
                if !traits.isDisjoint(with: [.dropWithContent, .dropTag]) { continue }
                HTMLWriter.writeEndTag(name, into: &out)
            case .comment:
                continue
            }
        }
        return out
    }

    private static func safeAttributes(_ tag: HTMLTag, resolver: HTMLLinks.Resolver) -> [HTMLAttribute] {
        var kept: [HTMLAttribute] = []
        kept.reserveCapacity(tag.attributes.count)
        for var attribute in tag.attributes {
            let name = attribute.name
            if name.utf8.count > 2 && name.utf8.starts(with: "on".utf8) { continue }
            if name == "style", let value = attribute.value, containsDangerousCSS(value) { continue }
            if let value = attribute.value {
                if HTMLLinks.urlAttributes.contains(name) || name == "xlink:href" || name == "formaction" {
                    let resolved = resolver.resolve(value)
                    guard isSafeURL(resolved, allowData: tag.name == "img" && name == "src") else { continue }
                    attribute.value = resolved
                } else if name == "srcset" {
                    guard isSafeURL(value, allowData: false) else { continue }
                    attribute.value = resolver.resolveSrcset(value)
                }
            }
            kept.append(attribute)
        }
        if tag.name == "a" && kept.contains(where: { $0.name == "target" }) {
            // Links opened from a message must not get a handle on the reader's window.
            kept.append(HTMLAttribute(name: "rel", value: "noopener noreferrer"))
        }
        return kept
    }

    /// False for script-bearing schemes. Browsers strip tabs and newlines inside URLs
    /// (`java\nscript:`) and ignore leading controls, so compare after removing them.
    static func isSafeURL(_ url: String, allowData: Bool) -> Bool {
        var scheme: [UInt8] = []
        for b in url.utf8 {
            if b <= 0x20 { continue }
            if b == UInt8(ascii: ":") { break }
            scheme.append(b | 0x20)
            if scheme.count > 12 { return true }
        }
        switch String(decoding: scheme, as: UTF8.self) {
        case "javascript", "vbscript", "livescript", "mocha": return false
        case "data": return allowData && url.utf8.count > 11 && isImageData(url)
        default: return true
        }
    }

    private static func isImageData(_ url: String) -> Bool {
        let lower = url.prefix(40).lowercased().filter { !$0.isWhitespace }
        return lower.hasPrefix("data:image/") && !lower.hasPrefix("data:image/svg")
    }

    /// `expression()` (old IE), `javascript:` URLs and `-moz-binding` can run code from CSS.
    private static func containsDangerousCSS(_ css: String) -> Bool {
        let lower = css.lowercased()
        return lower.contains("expression") || lower.contains("javascript:") || lower.contains("-moz-binding")
            || lower.contains("behavior")
    }

    /// Text is copied as written (entities stay encoded); a lone `<` or `>` is escaped so that
    /// the tokenizer's idea of text and the reader's agree.
    private static func appendText(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        for b in bytes {
            if b == UInt8(ascii: "<") { out.append(contentsOf: "&lt;".utf8) }
            else if b == UInt8(ascii: ">") { out.append(contentsOf: "&gt;".utf8) }
            else { out.append(b) }
        }
    }
}
