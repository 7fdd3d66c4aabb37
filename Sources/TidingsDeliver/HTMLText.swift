import TidingsModel
/// Renders entry HTML as readable plain text for the text/plain part.
///
/// Output conventions (what mutt and notmuch users read): paragraphs separated by one blank
/// line, `* ` bullets and `1. ` numbers for lists, `> ` for block quotes, `#` for headings,
/// links as `text [n]` with the numbered URLs collected in `links` (the caller prints the list at
/// the end, as lynx -dump and rss2email do), images as `[image: alt]`, entities decoded,
/// scripts, styles and other non-content dropped, whitespace collapsed except inside `<pre>`.
/// Lines are not wrapped: without format=flowed, hard wrapping at 72 columns makes text worse
/// on narrow screens, and every mail reader wraps long lines itself.
enum HTMLText {
    /// Converts `html`; links found are appended to `links` (deduplicated) and numbered from 1.
    static func render(_ html: String, base: String?, links: inout [String]) -> String {
        String(decoding: render(HTMLDocument(html), resolver: HTMLLinks.Resolver(base: base), links: &links), as: UTF8.self)
    }

    /// The text rendering of `document` as UTF-8. (Its own buffer: line-start rules look at
    /// what has been written so far.)
    static func render(_ document: HTMLDocument, resolver: HTMLLinks.Resolver, links: inout [String]) -> [UInt8] {
        var renderer = Renderer(resolver: resolver, links: links)
        renderer.run(document)
        links = renderer.links
        return renderer.out
    }

    /// Convenience for callers without a link list: links stay numbered in the text and the list is dropped.
    static func render(_ html: String, base: String? = nil) -> String {
        var links: [String] = []
        return render(html, base: base, links: &links)
    }
}

private struct Renderer {
    let resolver: HTMLLinks.Resolver
    var links: [String]
    private var linkIndex: [String: Int] = [:]
    var out: [UInt8] = []

    private var pendingSpace = false
    private var pendingBreaks = 0
    private var quoteDepth = 0
    private var lastLineQuoteDepth = 0
    private var preDepth = 0
    private var skipDepth = 0
    private var skipElement = HTMLElement.unknown
    private var lists: [(ordered: Bool, counter: Int)] = []
    /// The next list item's marker: its nesting depth and number (nil for a bullet).
    private var pendingMarker: (depth: Int, number: Int?)?
    private var anchor: (url: String, textStart: Int)?
    private var cellCount = 0
    /// Reused buffers: decoded text, resolved URLs, image alt text.
    private var scratch: [UInt8] = []
    private var word: [UInt8] = []

    init(resolver: HTMLLinks.Resolver, links: [String]) {
        self.resolver = resolver
        self.links = links
    }

    mutating func run(_ document: HTMLDocument) {
        out.reserveCapacity(out.count + document.sourceCount / 2)
        document.bytes.withUnsafeBufferPointer { bytes in
          document.attributes.withUnsafeBufferPointer { attributes in
            for token in document.tokens {
                switch token.kind {
                case .text:
                    guard skipDepth == 0 else { continue }
                    appendDecoded(UnsafeBufferPointer(rebasing: bytes[token.range]))
                case .rawText:
                    if skipDepth == 0 && (token.element == .textarea || token.element == .xmp) {
                        preDepth += 1
                        appendDecoded(UnsafeBufferPointer(rebasing: bytes[token.range]))
                        preDepth -= 1
                    }
                case .startTag:
                    if skipDepth > 0 {
                        if token.element == skipElement && !token.selfClosing { skipDepth += 1 }
                        continue
                    }
                    start(Tag(token: token, attributes: attributes, bytes: bytes))
                case .endTag:
                    if skipDepth > 0 {
                        if token.element == skipElement { skipDepth -= 1 }
                        continue
                    }
                    end(token.element)
                case .comment:
                    continue
                }
            }
          }
        }
        closeAnchor()
    }

    /// A start tag with access to its attribute values (buffers borrowed for the pass, so
    /// passing tags around costs no reference counting).
    private struct Tag {
        let token: HTMLToken
        let attributes: UnsafeBufferPointer<HTMLAttribute>
        let bytes: UnsafeBufferPointer<UInt8>

        var element: HTMLElement { token.element }
        var selfClosing: Bool { token.selfClosing }

        /// The value of the first attribute called `name`; nil when absent or bare.
        func value(_ name: HTMLAttributeName) -> UnsafeBufferPointer<UInt8>? {
            for index in token.attributes where attributes[index].known == name {
                return attributes[index].value.map { UnsafeBufferPointer(rebasing: bytes[$0]) }
            }
            return nil
        }
    }

    /// Text with character references decoded; most runs have none and are used in place.
    private mutating func appendDecoded(_ text: UnsafeBufferPointer<UInt8>) {
        guard text.contains(UInt8(ascii: "&")) else {
            appendText(text)
            return
        }
        var decoded = scratch
        scratch = []
        decoded.removeAll(keepingCapacity: true)
        HTMLCharacterReferences.decode(text, into: &decoded)
        decoded.withUnsafeBufferPointer { appendText($0) }
        scratch = decoded
    }

    private mutating func start(_ tag: Tag) {
        let traits = tag.element.traits
        if traits.contains(.textRule) { startRule(tag, traits) } else { blockBreak(tag.element, traits) }
    }

    /// Elements with a rule of their own; `return` skips the generic block handling.
    private mutating func startRule(_ tag: Tag, _ traits: ElementTraits) {
        let element = tag.element
        switch element {
        case .br:
            pendingBreaks = min(pendingBreaks + 1, 2)
            pendingSpace = false
            return
        case .a:
            closeAnchor()
            if let href = tag.value(.href), let url = linkTarget(href) {
                anchor = (url, out.count)
            }
        case .img:
            imagePlaceholder(tag)
        case .iframe, .embed, .object:
            if let src = tag.value(.src) ?? tag.value(.data), let url = linkTarget(src) {
                requestBreak(1)
                appendWord("[embedded content]")
                appendLinkNumber(url)
                requestBreak(1)
            }
            if element != .embed && !tag.selfClosing { skip(element) }
            return
        case .video, .audio, .source:
            if let src = tag.value(.src), let url = linkTarget(src) {
                appendWord(element == .video ? "[video]" : element == .audio ? "[audio]" : "[media]")
                appendLinkNumber(url)
            }
        case .ul, .ol:
            // A list inside a list item continues it: one line break, not a paragraph.
            requestBreak(lists.isEmpty ? 2 : 1)
            lists.append((element == .ol, 0))
            return
        case .li:
            requestBreak(1)
            if lists.isEmpty { lists.append((false, 0)) }
            lists[lists.count - 1].counter += 1
            let list = lists[lists.count - 1]
            pendingMarker = (lists.count - 1, list.ordered ? list.counter : nil)
            return
        case .blockquote:
            requestBreak(2)
            quoteDepth += 1
            return
        case .pre:
            requestBreak(2)
            preDepth += 1
            return
        case .hr:
            requestBreak(2)
            appendWord("----")
            requestBreak(2)
            return
        case .tr:
            cellCount = 0
        case .td, .th:
            cellCount += 1
            if cellCount > 1 { appendWord("|") }
        case .q:
            appendWord("\u{201C}", spaceAfter: false)
        case .head, .svg, .math, .template, .frameset, .noembed, .noframes:
            if !tag.selfClosing { skip(element) }
            return
        default:
            break
        }
        blockBreak(element, traits)
    }

    private mutating func blockBreak(_ element: HTMLElement, _ traits: ElementTraits) {
        if traits.contains(.paragraph) {
            requestBreak(2)
            if let level = element.headingLevel {
                Self.hashes.withUnsafeBufferPointer { appendWord(UnsafeBufferPointer(rebasing: $0[0..<level])) }
            }
        } else if traits.contains(.line) {
            requestBreak(1)
        }
    }

    private static let hashes = [UInt8](repeating: UInt8(ascii: "#"), count: 6)

    private mutating func end(_ element: HTMLElement) {
        let traits = element.traits
        if traits.contains(.textRule) && endRule(element) { return }
        if traits.contains(.paragraph) {
            requestBreak(2)
        } else if traits.contains(.line) {
            requestBreak(1)
        }
    }

    /// End tags with a rule of their own; true when the generic block handling must not follow.
    private mutating func endRule(_ element: HTMLElement) -> Bool {
        switch element {
        case .a:
            closeAnchor()
        case .ul, .ol:
            if !lists.isEmpty { lists.removeLast() }
            pendingMarker = nil
            requestBreak(lists.isEmpty ? 2 : 1)
            return true
        case .blockquote:
            requestBreak(2)
            quoteDepth = max(0, quoteDepth - 1)
            return true
        case .pre:
            requestBreak(2)
            preDepth = max(0, preDepth - 1)
            return true
        case .q:
            out.append(contentsOf: "\u{201D}".utf8)
        default:
            break
        }
        return false
    }

    private mutating func skip(_ element: HTMLElement) {
        skipDepth = 1
        skipElement = element
    }

    private mutating func requestBreak(_ n: Int) {
        pendingBreaks = max(pendingBreaks, n)
        pendingSpace = false
    }

    /// A URL worth listing: absolute, not a same-page fragment, not script.
    private mutating func linkTarget(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        let trimmed = HTMLLinks.trimmed(raw)
        if trimmed.isEmpty || trimmed[0] == UInt8(ascii: "#") { return nil }
        guard HTMLSafety.isSafeURL(trimmed, allowData: false) else { return nil }
        scratch.removeAll(keepingCapacity: true)
        resolver.resolve(trimmed, into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    private mutating func imagePlaceholder(_ tag: Tag) {
        // 1×1 tracking pixels and spacer GIFs are noise in text.
        if let w = tag.value(.width), let h = tag.value(.height),
           let wi = Int(String(decoding: w, as: UTF8.self)), let hi = Int(String(decoding: h, as: UTF8.self)), wi <= 1 || hi <= 1 {
            return
        }
        var word = self.word
        self.word = []
        word.removeAll(keepingCapacity: true)
        word.append(contentsOf: "[image".utf8)
        if let alt = tag.value(.alt) {
            let start = word.count
            word.append(contentsOf: ": ".utf8)
            let before = word.count
            HeaderEncoding.appendSanitized(alt, to: &word)
            if word.count == before { word.removeSubrange(start...) }
        }
        word.append(UInt8(ascii: "]"))
        word.withUnsafeBufferPointer { appendWord($0) }
        self.word = word
        if anchor == nil, let src = tag.value(.src), let url = linkTarget(src) {
            appendLinkNumber(url)
        }
    }

    private mutating func closeAnchor() {
        guard let (url, textStart) = anchor else { return }
        anchor = nil
        var start = textStart
        while start < out.count && out[start] == 0x20 { start += 1 }
        // A bare URL shown as its own text needs no footnote.
        var copy = url
        let bare = start < out.count && copy.withUTF8 { url in
            out.withUnsafeBufferPointer { out in
                let text = UnsafeBufferPointer(rebasing: out[start...])
                return text.elementsEqual(url) || text.elementsEqual(Self.withoutScheme(url))
            }
        }
        if !bare { appendLinkNumber(url) }
    }

    /// "https://x.org/p" → "x.org/p", "mailto:me@x.org" → "me@x.org".
    private static func withoutScheme(_ url: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let colon = url.prefix(32).firstIndex(of: UInt8(ascii: ":")) else { return url }
        var rest = colon + 1
        while rest < url.count && url[rest] == UInt8(ascii: "/") { rest += 1 }
        return UnsafeBufferPointer(rebasing: url[rest...])
    }

    private mutating func appendLinkNumber(_ url: String) {
        let number: Int
        if let existing = linkNumber(url) {
            number = existing
        } else {
            links.append(url)
            number = links.count
            if !linkIndex.isEmpty { linkIndex[url] = number }
        }
        // No space forced after the number: "(see issue [2])", not "(see issue [2] )".
        var word = self.word
        self.word = []
        word.removeAll(keepingCapacity: true)
        word.append(UInt8(ascii: "["))
        Self.appendDecimal(number, to: &word)
        word.append(UInt8(ascii: "]"))
        word.withUnsafeBufferPointer { appendWord($0, spaceAfter: false) }
        self.word = word
    }

    /// Most entries have a handful of links: comparing with `==` (the same Unicode equality
    /// the dictionary uses, a memcmp for ASCII) beats hashing every URL. Long lists switch
    /// to the dictionary.
    private static let linearSearchLimit = 16

    private mutating func linkNumber(_ url: String) -> Int? {
        if linkIndex.isEmpty {
            if links.count <= Self.linearSearchLimit { return links.firstIndex(of: url).map { $0 + 1 } }
            // Past the limit: index every link so far; appendLinkNumber keeps it up to date.
            for (n, link) in links.enumerated() { linkIndex[link] = n + 1 }
        }
        return linkIndex[url]
    }

    /// Appends a token as if it were text with spaces around it.
    private mutating func appendWord(_ word: UnsafeBufferPointer<UInt8>, spaceAfter: Bool = true) {
        if !out.isEmpty && pendingBreaks == 0 { pendingSpace = true }
        appendText(word)
        pendingSpace = spaceAfter
    }

    private mutating func appendWord(_ word: StaticString, spaceAfter: Bool = true) {
        word.withUTF8Buffer { appendWord($0, spaceAfter: spaceAfter) }
    }

    /// Appends decoded text: whitespace collapses (except in `<pre>`), runs of other bytes are
    /// copied in bulk.
    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if preDepth > 0 {
                if b == 0x0A {
                    pendingBreaks += 1
                } else if b != 0x0D {
                    startLineIfNeeded()
                    out.append(b < 0x20 && b != 0x09 ? 0x20 : b)
                }
                i += 1
                continue
            }
            @inline(__always) func isSpace(_ k: Int) -> Bool {
                let c = bytes[k]
                return c <= 0x20 || c == 0x7F || (c == 0xC2 && k + 1 < count && bytes[k + 1] == 0xA0)
            }
            var j = i
            while j < count {
                if isSpace(j) {
                    // One plain space between words would be written back as itself (the line
                    // has started, nothing is pending), so the run goes on: one copy per text
                    // node rather than one per word.
                    if bytes[j] == 0x20 && j > i && j + 1 < count && !isSpace(j + 1) { j += 2; continue }
                    break
                }
                j += 1
            }
            if j > i {
                startLineIfNeeded()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                i = j
                continue
            }
            // Whitespace, a control character or a no-break space (pages use runs of them for
            // layout): all one collapsible space in plain text.
            pendingSpace = true
            i += b == 0xC2 ? 2 : 1
        }
    }

    /// Emits pending line breaks, quote prefixes, list markers and collapsed spaces before content.
    private mutating func startLineIfNeeded() {
        if pendingBreaks > 0 && !out.isEmpty {
            let blankDepth = min(quoteDepth, lastLineQuoteDepth)
            out.append(0x0A)
            for _ in 1..<max(1, pendingBreaks) {
                for _ in 0..<blankDepth { out.append(UInt8(ascii: ">")) }
                out.append(0x0A)
            }
        }
        let atLineStart = out.isEmpty || out.last == 0x0A
        if atLineStart {
            for _ in 0..<quoteDepth { out.append(UInt8(ascii: ">")); out.append(0x20) }
            lastLineQuoteDepth = quoteDepth
            if let marker = pendingMarker {
                for _ in 0..<marker.depth { out.append(0x20); out.append(0x20) }
                if let number = marker.number {
                    Self.appendDecimal(number, to: &out)
                    out.append(UInt8(ascii: "."))
                } else {
                    out.append(UInt8(ascii: "*"))
                }
                out.append(0x20)
                pendingMarker = nil
            } else if !lists.isEmpty && preDepth == 0 {
                for _ in 0..<lists.count { out.append(0x20); out.append(0x20) }
            }
        } else if pendingSpace && preDepth == 0 {
            out.append(0x20)
        }
        pendingBreaks = 0
        pendingSpace = false
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
