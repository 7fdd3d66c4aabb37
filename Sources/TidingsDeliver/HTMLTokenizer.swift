import TidingsModel
/// A forgiving byte-level HTML tokenizer shared by `HTMLText`, `HTMLLinks` and `HTMLSafety`.
///
/// Feed HTML is tag soup; this is not an HTML5 tree builder. It only splits the input into
/// text, start tags (with attributes), end tags and comments, which is all three consumers need.
/// It scans UTF-8 bytes directly and produces no Strings: rendering runs ~38,000 times in a
/// cold sync, and per-token Strings, arrays and dictionary lookups dominated its cost.
///
/// Rules that matter for safety: a `<` that does not start a tag is text; the contents of
/// `script`, `style` (and the other raw-text elements) run to their matching end tag and are
/// reported as one `.rawText` token, so markup inside a script can never become a tag.
struct HTMLTokenizer {
    /// Input bytes; lower-cased names and entity-decoded values are appended to `arena`, whose
    /// ranges start at `input.count` (HTMLDocument joins the two, so every range indexes one array).
    private let input: UnsafeBufferPointer<UInt8>
    private(set) var arena: [UInt8] = []
    private(set) var attributes: [HTMLAttribute] = []
    /// Each attribute's name as written (before lower-casing), for duplicate checks.
    private var rawNames: [Range<Int>] = []
    private var position = 0
    private var pendingRawText: HTMLElement?

    init(_ input: UnsafeBufferPointer<UInt8>) { self.input = input }

    mutating func next() -> HTMLToken? {
        if let element = pendingRawText {
            pendingRawText = nil
            let start = position
            let end = findEndTag(element, from: start)
            position = end
            if end > start { return HTMLToken(kind: .rawText, element: element, range: start..<end) }
        }
        let count = input.count
        guard position < count else { return nil }
        let start = position
        if input[start] == UInt8(ascii: "<"), let token = tag(at: start) {
            return token
        }
        // Text runs to the next `<` that starts a tag (a lone `<` stays text).
        var i = start + 1
        while i < count {
            if input[i] == UInt8(ascii: "<") && i + 1 < count && Self.startsMarkup(input[i + 1]) { break }
            i += 1
        }
        position = i
        return HTMLToken(kind: .text, element: .unknown, range: start..<i)
    }

    @inline(__always) private static func startsMarkup(_ b: UInt8) -> Bool {
        isASCIILetter(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    /// Parses markup at `start` (a `<`); nil when it is not markup, so the `<` is text.
    private mutating func tag(at start: Int) -> HTMLToken? {
        let count = input.count
        guard start + 1 < count else { return nil }
        let b = input[start + 1]
        if b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
            position = skipComment(from: start)
            return HTMLToken(kind: .comment, element: .unknown, range: start..<start)
        }
        if b == UInt8(ascii: "/") {
            guard start + 2 < count, Self.isASCIILetter(input[start + 2]) else {
                // `</>` or `</ 3` : browsers treat it as a bogus comment.
                position = endOfTag(from: start + 2)
                return HTMLToken(kind: .comment, element: .unknown, range: start..<start)
            }
            let (raw, afterName) = readName(from: start + 2)
            position = endOfTag(from: afterName)
            return HTMLToken(kind: .endTag, element: element(raw), range: lowercased(raw))
        }
        guard Self.isASCIILetter(b) else { return nil }
        let (rawName, afterName) = readName(from: start + 1)
        let firstAttribute = attributes.count
        var i = afterName
        var selfClosing = false
        while i < count {
            let c = input[i]
            if Self.isSpace(c) { i += 1; continue }
            if c == UInt8(ascii: ">") { i += 1; break }
            if c == UInt8(ascii: "/") {
                selfClosing = i + 1 < count && input[i + 1] == UInt8(ascii: ">")
                i += 1
                continue
            }
            // Attribute name: up to whitespace, `=`, `>` or `/`.
            let nameStart = i
            i += 1
            while i < count {
                let d = input[i]
                if Self.isSpace(d) || d == UInt8(ascii: "=") || d == UInt8(ascii: ">") || d == UInt8(ascii: "/") { break }
                i += 1
            }
            let rawAttrName = nameStart..<i
            var j = i
            while j < count && Self.isSpace(input[j]) { j += 1 }
            var value: Range<Int>?
            if j < count && input[j] == UInt8(ascii: "=") {
                j += 1
                while j < count && Self.isSpace(input[j]) { j += 1 }
                if j < count && (input[j] == UInt8(ascii: "\"") || input[j] == UInt8(ascii: "'")) {
                    let quote = input[j]
                    let valueStart = j + 1
                    var k = valueStart
                    while k < count && input[k] != quote { k += 1 }
                    value = decoded(valueStart..<k)
                    i = min(k + 1, count)
                } else {
                    let valueStart = j
                    var k = j
                    while k < count && !Self.isSpace(input[k]) && input[k] != UInt8(ascii: ">") { k += 1 }
                    value = decoded(valueStart..<k)
                    i = k
                }
            }
            // First occurrence wins, as in browsers.
            if !hasAttribute(named: rawAttrName, since: firstAttribute) {
                let known = HTMLAttributeName.named(folding: UnsafeBufferPointer(rebasing: input[rawAttrName]))
                attributes.append(HTMLAttribute(name: lowercased(rawAttrName), known: known, value: value))
                rawNames.append(rawAttrName)
            }
        }
        position = i
        let element = element(rawName)
        if element.traits.contains(.rawText) && !selfClosing { pendingRawText = element }
        return HTMLToken(kind: .startTag, element: element, selfClosing: selfClosing, range: lowercased(rawName),
                         attributes: firstAttribute..<attributes.count)
    }

    /// The element a (raw, unlowered) input name stands for.
    private func element(_ raw: Range<Int>) -> HTMLElement { HTMLElement.named(folding: UnsafeBufferPointer(rebasing: input[raw])) }

    /// Attribute names compare as Strings did: byte equality (after ASCII lower-casing) for
    /// ASCII; Unicode canonical equivalence when either name has other characters (rare
    /// enough to take the slow path).
    private func hasAttribute(named raw: Range<Int>, since first: Int) -> Bool {
        guard first < rawNames.count else { return false }
        let candidate = input[raw]
        let ascii = !candidate.contains(where: { $0 >= 0x80 })
        for otherRange in rawNames[first...] {
            let other = input[otherRange]
            if ascii && !other.contains(where: { $0 >= 0x80 }) {
                if other.count == candidate.count && zip(other, candidate).allSatisfy({ Self.folded($0) == Self.folded($1) }) { return true }
            } else if Self.lowercasedString(other) == Self.lowercasedString(candidate) {
                return true
            }
        }
        return false
    }

    @inline(__always) static func folded(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    private static func lowercasedString(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: bytes.map(folded), as: UTF8.self)
    }

    private func readName(from start: Int) -> (Range<Int>, Int) {
        var i = start
        while i < input.count {
            let c = input[i]
            if Self.isSpace(c) || c == UInt8(ascii: ">") || c == UInt8(ascii: "/") { break }
            i += 1
        }
        return (start..<i, i)
    }

    /// The range of the ASCII-lowercased name: the input itself unless it has capitals.
    private mutating func lowercased(_ range: Range<Int>) -> Range<Int> {
        guard input[range].contains(where: Self.isUpper) else { return range }
        let start = input.count + arena.count
        for b in input[range] { arena.append(Self.folded(b)) }
        return start..<(input.count + arena.count)
    }

    /// The range of the entity-decoded value: the input itself unless it has a `&`.
    private mutating func decoded(_ range: Range<Int>) -> Range<Int> {
        guard input[range].contains(UInt8(ascii: "&")) else { return range }
        let start = input.count + arena.count
        HTMLCharacterReferences.decode(UnsafeBufferPointer(rebasing: input[range]), into: &arena)
        return start..<(input.count + arena.count)
    }

    private func endOfTag(from start: Int) -> Int {
        var i = start
        while i < input.count && input[i] != UInt8(ascii: ">") { i += 1 }
        return min(i + 1, input.count)
    }

    private func skipComment(from start: Int) -> Int {
        // `<!--` runs to `-->`; anything else (`<!DOCTYPE`, `<?xml`, `<![CDATA[`) to the next `>`.
        let count = input.count
        if start + 3 < count && input[start + 2] == UInt8(ascii: "-") && input[start + 3] == UInt8(ascii: "-") {
            var i = start + 4
            while i + 2 < count {
                if input[i] == UInt8(ascii: "-") && input[i + 1] == UInt8(ascii: "-") && input[i + 2] == UInt8(ascii: ">") {
                    return i + 3
                }
                i += 1
            }
            return count
        }
        return endOfTag(from: start + 2)
    }

    /// Index of `</name` (case-insensitive) at or after `start`, or the end of input:
    /// an unterminated `<script>` swallows the rest of the document, as in browsers.
    private func findEndTag(_ element: HTMLElement, from start: Int) -> Int {
        let nameBytes = element.nameBytes
        var i = start
        let count = input.count
        while i + 1 + nameBytes.count < count {
            if input[i] == UInt8(ascii: "<") && input[i + 1] == UInt8(ascii: "/") {
                var matches = true
                for (n, c) in nameBytes.enumerated() where input[i + 2 + n] | 0x20 != c {
                    matches = false
                    break
                }
                if matches {
                    let after = i + 2 + nameBytes.count
                    if after >= count || Self.isSpace(input[after]) || input[after] == UInt8(ascii: ">") || input[after] == UInt8(ascii: "/") {
                        return i
                    }
                }
            }
            i += 1
        }
        return count
    }
}

/// One token. Ranges index `HTMLDocument.bytes`: text and raw text are the content as
/// written; a tag's range is its name, lower-cased.
struct HTMLToken {
    enum Kind: UInt8 {
        case text
        /// Contents of a raw-text element (script, style, textarea, title, xmp); `element` says which.
        case rawText
        case startTag
        case endTag
        /// Comments, doctypes, processing instructions, CDATA (kept for nobody: all consumers drop them).
        case comment
    }

    var kind: Kind
    var element: HTMLElement
    var selfClosing = false
    var range: Range<Int>
    /// Indices into `HTMLDocument.attributes` (start tags only).
    var attributes: Range<Int> = 0..<0
}

/// An attribute: its lower-cased name and its entity-decoded value (`nil` for a bare
/// attribute like `hidden`), as ranges of `HTMLDocument.bytes`.
struct HTMLAttribute {
    var name: Range<Int>
    var known: HTMLAttributeName
    var value: Range<Int>?
}

/// Attribute names the renderers have rules for.
enum HTMLAttributeName: UInt8 {
    case other
    case href, src, poster, cite, action, background, longdesc, data, srcset, style, target, alt, width, height
    case xlinkHref, formaction

    /// Attributes that hold one URL (see `HTMLLinks.urlAttributes`).
    var holdsURL: Bool {
        switch self {
        case .href, .src, .poster, .cite, .action, .background, .longdesc, .data: true
        default: false
        }
    }

    /// The name `raw` stands for once ASCII-lower-cased.
    static func named(folding raw: UnsafeBufferPointer<UInt8>) -> HTMLAttributeName {
        let name = raw
        // Dispatch on length first: almost every attribute is rejected after one comparison.
        func equals(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { bytes in
                bytes.count == name.count && zip(bytes, name).allSatisfy { $0 == HTMLTokenizer.folded($1) }
            }
        }
        switch name.count {
        case 3: return equals("src") ? .src : equals("alt") ? .alt : .other
        case 4: return equals("href") ? .href : equals("cite") ? .cite : equals("data") ? .data : .other
        case 5: return equals("width") ? .width : equals("style") ? .style : .other
        case 6: return equals("poster") ? .poster : equals("action") ? .action : equals("srcset") ? .srcset
            : equals("target") ? .target : equals("height") ? .height : .other
        case 8: return equals("longdesc") ? .longdesc : .other
        case 10: return equals("background") ? .background : equals("xlink:href") ? .xlinkHref
            : equals("formaction") ? .formaction : .other
        default: return .other
        }
    }
}

/// A document split into tokens once, shared by the text and HTML renderings of a message.
struct HTMLDocument {
    /// The HTML's UTF-8 bytes followed by the tokenizer's arena.
    let bytes: [UInt8]
    let tokens: [HTMLToken]
    let attributes: [HTMLAttribute]
    /// Where the original HTML ends in `bytes`.
    let sourceCount: Int

    init(_ html: String) {
        self.init(Array(html.utf8))
    }

    /// A body from the model (often a slice of its feed document): copied,
    /// since the tokenizer's arena is appended to the bytes.
    init(_ text: UTF8Text) {
        self.init(Array(text.bytes))
    }

    init(_ utf8: [UInt8]) {
        var source = utf8
        var tokens: [HTMLToken] = []
        tokens.reserveCapacity(source.count / 16)
        let (arena, attributes) = source.withUnsafeBufferPointer { input -> ([UInt8], [HTMLAttribute]) in
            var tokenizer = HTMLTokenizer(input)
            while let token = tokenizer.next() { tokens.append(token) }
            return (tokenizer.arena, tokenizer.attributes)
        }
        sourceCount = source.count
        source.append(contentsOf: arena)
        self.bytes = source
        self.tokens = tokens
        self.attributes = attributes
    }

    /// The value of the tag's attribute with rules of its own, if present (nil also for a bare attribute).
    func value(_ name: HTMLAttributeName, of token: HTMLToken) -> Range<Int>? {
        for index in token.attributes where attributes[index].known == name {
            return attributes[index].value
        }
        return nil
    }
}
