import TidingsModel
/// An allowlist HTML sanitizer for content republished as a web page (the static site).
///
/// `HTMLSafety` removes what is known to be dangerous, which suits a mail reader with its own
/// protections; a page a browser opens from disk has none, so here only what a reader needs is
/// kept: text structure, links, images, tables, media, and embeds from a few video hosts.
/// Everything else goes — unknown elements lose their tags (their text stays), scripts, styles,
/// forms, frames and plugins go with their content, every attribute not listed is dropped
/// (so no `on*` handler, no `style`), and URLs must be http(s), mailto, relative, or a
/// non-SVG `data:image/` in an `<img src>`. URLs are made absolute against the article's base.
/// The output is balanced: every element opened is closed, so an article cannot leak markup
/// into the page around it.
public enum HTMLSanitizer {
    /// Sanitized `html`, with relative URLs resolved against `base`.
    public static func sanitize(_ html: String, base: String?) -> String {
        sanitize(UTF8Text(html), base: base)
    }

    /// The same for an entry body as the parser keeps it (no `String` made of it first).
    public static func sanitize(_ html: UTF8Text, base: String?) -> String {
        let document = HTMLDocument(html)
        var run = Run(document: document, resolver: HTMLLinks.Resolver(base: base))
        run.go()
        return String(decoding: run.out, as: UTF8.self)
    }

    /// Plain text of `html` (entities decoded, whitespace collapsed), cut at a word boundary
    /// after at most `limit` characters with an ellipsis: the excerpt on listing pages.
    public static func excerpt(_ html: String, limit: Int = 280) -> String {
        excerpt(UTF8Text(html), limit: limit)
    }

    /// The same for an entry body as the parser keeps it.
    public static func excerpt(_ html: UTF8Text, limit: Int = 280) -> String {
        let document = HTMLDocument(html)
        var text: [UInt8] = []
        var dropped = 0
        for token in document.tokens {
            switch token.kind {
            case .text:
                guard dropped == 0 else { continue }
                document.bytes.withUnsafeBufferPointer { all in
                    HTMLCharacterReferences.decode(UnsafeBufferPointer(rebasing: all[token.range]), into: &text)
                }
            case .startTag:
                let name = name(document, token)
                if Policy.dropsContent(name) && !token.selfClosing && !isVoid(name) { dropped += 1 }
                if separatesWords(token) { text.append(0x20) }  // <p>a</p><p>b</p> is "a b"; a<b>b</b> is "ab"
            case .endTag:
                if Policy.dropsContent(name(document, token)) { dropped = max(0, dropped - 1) }
                if separatesWords(token) { text.append(0x20) }
            case .rawText, .comment:
                continue
            }
        }
        let words = String(decoding: text, as: UTF8.self).split(whereSeparator: { $0.isWhitespace })
        var out = ""
        for word in words {
            if out.count + word.count + 1 > limit {
                return out + "…"
            }
            if !out.isEmpty { out += " " }
            out += word
        }
        return out
    }

    private static func separatesWords(_ token: HTMLToken) -> Bool {
        token.element == .br || token.element == .td || token.element == .th
            || !token.element.traits.isDisjoint(with: [.paragraph, .line])
    }

    static func name(_ document: HTMLDocument, _ token: HTMLToken) -> String {
        token.element != .unknown ? token.element.name : String(decoding: document.bytes[token.range], as: UTF8.self)
    }

    static func isVoid(_ name: String) -> Bool { Policy.voidElements.contains(name) }

    private struct Run {
        let document: HTMLDocument
        let resolver: HTMLLinks.Resolver
        var out: [UInt8] = []
        /// Allowed elements open in the output, innermost last.
        var open: [String] = []
        /// Depth inside an element removed with its content.
        var droppedDepth = 0
        var droppedName = ""

        init(document: HTMLDocument, resolver: HTMLLinks.Resolver) {
            self.document = document
            self.resolver = resolver
            out.reserveCapacity(document.sourceCount + 64)
        }

        mutating func go() {
            for token in document.tokens {
                switch token.kind {
                case .text:
                    if droppedDepth == 0 { appendText(token.range) }
                case .rawText, .comment:
                    continue
                case .startTag:
                    start(token)
                case .endTag:
                    end(HTMLSanitizer.name(document, token))
                }
            }
            while let name = open.popLast() { writeEnd(name) }
        }

        private mutating func start(_ token: HTMLToken) {
            let name = HTMLSanitizer.name(document, token)
            if droppedDepth > 0 {
                if name == droppedName && !token.selfClosing { droppedDepth += 1 }
                return
            }
            var attributes = allowedAttributes(name, token)
            var keep = Policy.elements.contains(name)
            if name == "iframe" {
                // Video embeds from the listed hosts only; anything else is removed with its content.
                if let src = attributes.first(where: { $0.0 == "src" })?.1, Policy.isAllowedEmbed(src) {
                    attributes.append(("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups"))
                    attributes.append(("referrerpolicy", "strict-origin-when-cross-origin"))
                    keep = true
                } else {
                    keep = false
                }
            }
            if !keep {
                if Policy.dropsContent(name) && !token.selfClosing && !HTMLSanitizer.isVoid(name) {
                    // Raw-text elements (script, style) were already cut out by the tokenizer.
                    if !token.element.traits.contains(.rawText) {
                        droppedDepth = 1
                        droppedName = name
                    }
                }
                return
            }
            if name == "a" { attributes.append(("rel", "noopener noreferrer nofollow")) }
            if name == "img" && !attributes.contains(where: { $0.0 == "loading" }) { attributes.append(("loading", "lazy")) }
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            for (key, value) in attributes {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: key.utf8)
                if let value {
                    out.append(contentsOf: "=\"".utf8)
                    HTMLWriter.escape(value, into: &out)
                    out.append(UInt8(ascii: "\""))
                }
            }
            out.append(UInt8(ascii: ">"))
            if !HTMLSanitizer.isVoid(name) { open.append(name) }
        }

        private mutating func end(_ name: String) {
            if droppedDepth > 0 {
                if name == droppedName { droppedDepth -= 1 }
                return
            }
            // Close up to the matching open element; a stray end tag is ignored.
            guard let index = open.lastIndex(of: name) else { return }
            while open.count > index {
                writeEnd(open.removeLast())
            }
        }

        private mutating func writeEnd(_ name: String) {
            out.append(contentsOf: "</".utf8)
            out.append(contentsOf: name.utf8)
            out.append(UInt8(ascii: ">"))
        }

        private func allowedAttributes(_ element: String, _ token: HTMLToken) -> [(String, String?)] {
            var kept: [(String, String?)] = []
            for index in token.attributes {
                let attribute = document.attributes[index]
                let key = String(decoding: document.bytes[attribute.name], as: UTF8.self)
                guard Policy.allows(key, on: element) else { continue }
                var value = attribute.value.map { String(decoding: document.bytes[$0], as: UTF8.self) }
                if let raw = value, Policy.urlAttributes.contains(key) {
                    let resolved = key == "srcset" ? resolver.resolveSrcset(raw) : resolver.resolve(raw)
                    let candidates = key == "srcset" ? resolved.split(separator: ",").map { String($0.split(separator: " ").first ?? "") } : [resolved]
                    let dataAllowed = element == "img" && key == "src"
                    guard candidates.allSatisfy({ Policy.isAllowedURL($0, dataImage: dataAllowed) }) else { continue }
                    value = resolved
                }
                kept.append((key, value))
            }
            return kept
        }

        /// Text as written (entities stay encoded); `<` and `>` escaped so no text becomes markup.
        private mutating func appendText(_ range: Range<Int>) {
            for b in document.bytes[range] {
                if b == UInt8(ascii: "<") { out.append(contentsOf: "&lt;".utf8) }
                else if b == UInt8(ascii: ">") { out.append(contentsOf: "&gt;".utf8) }
                else { out.append(b) }
            }
        }
    }
}
