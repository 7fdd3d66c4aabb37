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
        render(HTMLDocument(html), base: base, links: &links)
    }

    static func render(_ document: HTMLDocument, base: String?, links: inout [String]) -> String {
        var renderer = Renderer(resolver: HTMLLinks.Resolver(base: base), links: links)
        renderer.run(document)
        links = renderer.links
        return String(decoding: renderer.out, as: UTF8.self)
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
    private var skipName = ""
    private var lists: [(ordered: Bool, counter: Int)] = []
    private var pendingMarker: String?
    private var anchor: (url: String, textStart: Int)?
    private var cellCount = 0

    init(resolver: HTMLLinks.Resolver, links: [String]) {
        self.resolver = resolver
        self.links = links
        for (n, link) in links.enumerated() { linkIndex[link] = n + 1 }
    }

    mutating func run(_ document: HTMLDocument) {
        let bytes = document.bytes
        out.reserveCapacity(bytes.count / 2)
        var scratch: [UInt8] = []
        for token in document.tokens {
            switch token {
            case .text(let range):
                guard skipDepth == 0 else { continue }
                scratch.removeAll(keepingCapacity: true)
                HTMLEntities.decode(bytes[range], into: &scratch)
                appendText(scratch)
            case .rawText(let name, let range):
                if skipDepth == 0 && (name == "textarea" || name == "xmp") {
                    scratch.removeAll(keepingCapacity: true)
                    HTMLEntities.decode(bytes[range], into: &scratch)
                    preDepth += 1
                    appendText(scratch)
                    preDepth -= 1
                }
            case .startTag(let tag):
                if skipDepth > 0 {
                    if tag.name == skipName && !tag.selfClosing { skipDepth += 1 }
                    continue
                }
                start(tag)
            case .endTag(let name, let traits):
                if skipDepth > 0 {
                    if name == skipName { skipDepth -= 1 }
                    continue
                }
                end(name, traits)
            case .comment:
                continue
            }
        }
        closeAnchor()
    }

    private mutating func start(_ tag: HTMLTag) {
        let name = tag.name
        if tag.traits.contains(.textRule) { startRule(tag) } else { blockBreak(tag.traits, name) }
    }

    /// Elements with a rule of their own; `return` skips the generic block handling.
    private mutating func startRule(_ tag: HTMLTag) {
        let name = tag.name
        switch name {
        case "br":
            pendingBreaks = min(pendingBreaks + 1, 2)
            pendingSpace = false
            return
        case "a":
            closeAnchor()
            if let href = tag.value("href"), let url = linkTarget(href) {
                anchor = (url, out.count)
            }
        case "img":
            imagePlaceholder(tag)
        case "iframe", "embed", "object":
            if let src = tag.value("src") ?? tag.value("data"), let url = linkTarget(src) {
                requestBreak(1)
                appendWord("[embedded content]")
                appendLinkNumber(url)
                requestBreak(1)
            }
            if name != "embed" && !tag.selfClosing { skip(name) }
            return
        case "video", "audio", "source":
            if let src = tag.value("src"), let url = linkTarget(src) {
                appendWord("[\(name == "source" ? "media" : name)]")
                appendLinkNumber(url)
            }
        case "ul", "ol":
            // A list inside a list item continues it: one line break, not a paragraph.
            requestBreak(lists.isEmpty ? 2 : 1)
            lists.append((name == "ol", 0))
            return
        case "li":
            requestBreak(1)
            if lists.isEmpty { lists.append((false, 0)) }
            lists[lists.count - 1].counter += 1
            let list = lists[lists.count - 1]
            let indent = String(repeating: "  ", count: lists.count - 1)
            pendingMarker = indent + (list.ordered ? "\(list.counter). " : "* ")
            return
        case "blockquote":
            requestBreak(2)
            quoteDepth += 1
            return
        case "pre":
            requestBreak(2)
            preDepth += 1
            return
        case "hr":
            requestBreak(2)
            appendWord("----")
            requestBreak(2)
            return
        case "tr":
            cellCount = 0
        case "td", "th":
            cellCount += 1
            if cellCount > 1 { appendWord("|") }
        case "q":
            appendWord("\u{201C}", spaceAfter: false)
        case "head", "svg", "math", "template", "frameset", "noembed", "noframes":
            if !tag.selfClosing { skip(name) }
            return
        default:
            break
        }
        blockBreak(tag.traits, name)
    }

    private mutating func blockBreak(_ traits: ElementTraits, _ name: String) {
        if traits.contains(.paragraph) {
            requestBreak(2)
            if name.utf8.count == 2 && name.utf8.first == UInt8(ascii: "h"), let level = Int(name.dropFirst()) {
                appendWord(String(repeating: "#", count: level))
            }
        } else if traits.contains(.line) {
            requestBreak(1)
        }
    }

    private mutating func end(_ name: String, _ traits: ElementTraits) {
        if traits.contains(.textRule) && endRule(name) { return }
        if traits.contains(.paragraph) {
            requestBreak(2)
        } else if traits.contains(.line) {
            requestBreak(1)
        }
    }

    /// End tags with a rule of their own; true when the generic block handling must not follow.
    private mutating func endRule(_ name: String) -> Bool {
        switch name {
        case "a":
            closeAnchor()
        case "ul", "ol":
            if !lists.isEmpty { lists.removeLast() }
            pendingMarker = nil
            requestBreak(lists.isEmpty ? 2 : 1)
            return true
        case "blockquote":
            requestBreak(2)
            quoteDepth = max(0, quoteDepth - 1)
            return true
        case "pre":
            requestBreak(2)
            preDepth = max(0, preDepth - 1)
            return true
        case "q":
            out.append(contentsOf: "\u{201D}".utf8)
        default:
            break
        }
        return false
    }

    private mutating func skip(_ name: String) {
        skipDepth = 1
        skipName = name
    }

    private mutating func requestBreak(_ n: Int) {
        pendingBreaks = max(pendingBreaks, n)
        pendingSpace = false
    }

    /// A URL worth listing: absolute, not a same-page fragment, not script.
    private func linkTarget(_ raw: String) -> String? {
        let trimmed = HTMLLinks.trimmed(raw)
        if trimmed.isEmpty || trimmed.utf8.first == UInt8(ascii: "#") { return nil }
        guard HTMLSafety.isSafeURL(trimmed, allowData: false) else { return nil }
        return resolver.resolve(trimmed)
    }

    private mutating func imagePlaceholder(_ tag: HTMLTag) {
        // 1×1 tracking pixels and spacer GIFs are noise in text.
        if let w = tag.value("width"), let h = tag.value("height"), let wi = Int(w), let hi = Int(h), wi <= 1 || hi <= 1 {
            return
        }
        let alt = tag.value("alt").map(HeaderEncoding.sanitized) ?? ""
        appendWord(alt.isEmpty ? "[image]" : "[image: \(alt)]")
        if anchor == nil, let src = tag.value("src"), let url = linkTarget(src) {
            appendLinkNumber(url)
        }
    }

    private mutating func closeAnchor() {
        guard let (url, textStart) = anchor else { return }
        anchor = nil
        var text = out[textStart...]
        while text.first == 0x20 { text = text.dropFirst() }
        // A bare URL shown as its own text needs no footnote.
        if !text.isEmpty, text.elementsEqual(url.utf8) || text.elementsEqual(Self.withoutScheme(url)) { return }
        appendLinkNumber(url)
    }

    /// "https://x.org/p" → "x.org/p", "mailto:me@x.org" → "me@x.org".
    private static func withoutScheme(_ url: String) -> Substring.UTF8View {
        var rest = Substring(url).utf8
        guard let colon = rest.prefix(32).firstIndex(of: UInt8(ascii: ":")) else { return rest }
        rest = rest[rest.index(after: colon)...]
        while rest.first == UInt8(ascii: "/") { rest = rest.dropFirst() }
        return rest
    }

    private mutating func appendLinkNumber(_ url: String) {
        let number: Int
        if let existing = linkIndex[url] {
            number = existing
        } else {
            links.append(url)
            number = links.count
            linkIndex[url] = number
        }
        // No space forced after the number: "(see issue [2])", not "(see issue [2] )".
        appendWord("[\(number)]", spaceAfter: false)
    }

    /// Appends a token as if it were text with spaces around it.
    private mutating func appendWord(_ word: String, spaceAfter: Bool = true) {
        if !out.isEmpty && pendingBreaks == 0 { pendingSpace = true }
        appendText(Array(word.utf8))
        pendingSpace = spaceAfter
    }

    /// Appends decoded text: whitespace collapses (except in `<pre>`), runs of other bytes are
    /// copied in bulk.
    private mutating func appendText(_ bytes: [UInt8]) {
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
            var j = i
            while j < count {
                let c = bytes[j]
                if c <= 0x20 || c == 0x7F || (c == 0xC2 && j + 1 < count && bytes[j + 1] == 0xA0) { break }
                j += 1
            }
            if j > i {
                startLineIfNeeded()
                out.append(contentsOf: bytes[i..<j])
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
            for _ in 0..<quoteDepth { out.append(contentsOf: "> ".utf8) }
            lastLineQuoteDepth = quoteDepth
            if let marker = pendingMarker {
                out.append(contentsOf: marker.utf8)
                pendingMarker = nil
            } else if !lists.isEmpty && preDepth == 0 {
                for _ in 0..<lists.count { out.append(contentsOf: "  ".utf8) }
            }
        } else if pendingSpace && preDepth == 0 {
            out.append(0x20)
        }
        pendingBreaks = 0
        pendingSpace = false
    }
}
