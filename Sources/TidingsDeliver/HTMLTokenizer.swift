/// A forgiving byte-level HTML tokenizer shared by `HTMLText`, `HTMLLinks` and `HTMLSafety`.
///
/// Feed HTML is tag soup; this is not an HTML5 tree builder. It only splits the input into
/// text, start tags (with attributes), end tags and comments, which is all three consumers need.
/// It scans UTF-8 bytes directly: rendering runs ~38,000 times in a cold sync, and
/// Character-level String iteration or regular expressions would dominate the cost.
///
/// Rules that matter for safety: a `<` that does not start a tag is text; the contents of
/// `script`, `style` (and the other raw-text elements) run to their matching end tag and are
/// reported as one `.rawText` token, so markup inside a script can never become a tag.
struct HTMLTokenizer {
    enum Token {
        case text(Range<Int>)
        /// Contents of a raw-text element (script, style, textarea, title, xmp); `name` is the element.
        case rawText(name: String, Range<Int>)
        case startTag(HTMLTag)
        case endTag(name: String, traits: ElementTraits)
        /// Comments, doctypes, processing instructions, CDATA (kept for nobody: all consumers drop them).
        case comment
    }

    let bytes: [UInt8]
    private(set) var position = 0
    private var pendingRawText: String?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Token? {
        if let name = pendingRawText {
            pendingRawText = nil
            let start = position
            let end = findEndTag(name, from: start)
            position = end
            if end > start { return .rawText(name: name, start..<end) }
        }
        let count = bytes.count
        guard position < count else { return nil }
        let start = position
        if bytes[start] == UInt8(ascii: "<"), let token = tag(at: start) {
            return token
        }
        // Text runs to the next `<` that starts a tag (a lone `<` stays text).
        var i = start + 1
        while i < count {
            if bytes[i] == UInt8(ascii: "<") && i + 1 < count && Self.startsMarkup(bytes[i + 1]) { break }
            i += 1
        }
        position = i
        return .text(start..<i)
    }

    private static func startsMarkup(_ b: UInt8) -> Bool {
        isASCIILetter(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }

    /// Parses markup at `start` (a `<`); nil when it is not markup, so the `<` is text.
    private mutating func tag(at start: Int) -> Token? {
        let count = bytes.count
        guard start + 1 < count else { return nil }
        let b = bytes[start + 1]
        if b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
            position = skipComment(from: start)
            return .comment
        }
        if b == UInt8(ascii: "/") {
            guard start + 2 < count, Self.isASCIILetter(bytes[start + 2]) else {
                // `</>` or `</ 3` : browsers treat it as a bogus comment.
                position = endOfTag(from: start + 2)
                return .comment
            }
            let (name, afterName) = readName(from: start + 2)
            position = endOfTag(from: afterName)
            return .endTag(name: name, traits: ElementTraits.of(name))
        }
        guard Self.isASCIILetter(b) else { return nil }
        let (name, afterName) = readName(from: start + 1)
        var attributes: [HTMLAttribute] = []
        var i = afterName
        var selfClosing = false
        while i < count {
            let c = bytes[i]
            if Self.isSpace(c) { i += 1; continue }
            if c == UInt8(ascii: ">") { i += 1; break }
            if c == UInt8(ascii: "/") {
                selfClosing = i + 1 < count && bytes[i + 1] == UInt8(ascii: ">")
                i += 1
                continue
            }
            // Attribute name: up to whitespace, `=`, `>` or `/`.
            let nameStart = i
            i += 1
            while i < count {
                let d = bytes[i]
                if Self.isSpace(d) || d == UInt8(ascii: "=") || d == UInt8(ascii: ">") || d == UInt8(ascii: "/") { break }
                i += 1
            }
            let attrName = Self.lowercased(bytes[nameStart..<i])
            var j = i
            while j < count && Self.isSpace(bytes[j]) { j += 1 }
            var value: String?
            if j < count && bytes[j] == UInt8(ascii: "=") {
                j += 1
                while j < count && Self.isSpace(bytes[j]) { j += 1 }
                if j < count && (bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'")) {
                    let quote = bytes[j]
                    let valueStart = j + 1
                    var k = valueStart
                    while k < count && bytes[k] != quote { k += 1 }
                    value = HTMLEntities.decode(bytes[valueStart..<k])
                    i = min(k + 1, count)
                } else {
                    let valueStart = j
                    var k = j
                    while k < count && !Self.isSpace(bytes[k]) && bytes[k] != UInt8(ascii: ">") { k += 1 }
                    value = HTMLEntities.decode(bytes[valueStart..<k])
                    i = k
                }
            }
            // First occurrence wins, as in browsers.
            if !attributes.contains(where: { $0.name == attrName }) {
                attributes.append(HTMLAttribute(name: attrName, value: value))
            }
        }
        position = i
        let traits = ElementTraits.of(name)
        if traits.contains(.rawText) && !selfClosing { pendingRawText = name }
        return .startTag(HTMLTag(name: name, traits: traits, attributes: attributes, selfClosing: selfClosing))
    }

    private func readName(from start: Int) -> (String, Int) {
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            if Self.isSpace(c) || c == UInt8(ascii: ">") || c == UInt8(ascii: "/") { break }
            i += 1
        }
        return (Self.lowercased(bytes[start..<i]), i)
    }

    private func endOfTag(from start: Int) -> Int {
        var i = start
        while i < bytes.count && bytes[i] != UInt8(ascii: ">") { i += 1 }
        return min(i + 1, bytes.count)
    }

    private func skipComment(from start: Int) -> Int {
        // `<!--` runs to `-->`; anything else (`<!DOCTYPE`, `<?xml`, `<![CDATA[`) to the next `>`.
        if start + 3 < bytes.count && bytes[start + 2] == UInt8(ascii: "-") && bytes[start + 3] == UInt8(ascii: "-") {
            var i = start + 4
            while i + 2 < bytes.count {
                if bytes[i] == UInt8(ascii: "-") && bytes[i + 1] == UInt8(ascii: "-") && bytes[i + 2] == UInt8(ascii: ">") {
                    return i + 3
                }
                i += 1
            }
            return bytes.count
        }
        return endOfTag(from: start + 2)
    }

    /// Index of `</name` (case-insensitive) at or after `start`, or the end of input:
    /// an unterminated `<script>` swallows the rest of the document, as in browsers.
    private func findEndTag(_ name: String, from start: Int) -> Int {
        let nameBytes = Array(name.utf8)
        var i = start
        let count = bytes.count
        while i + 1 + nameBytes.count < count {
            if bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "/") {
                var matches = true
                for (n, c) in nameBytes.enumerated() where bytes[i + 2 + n] | 0x20 != c {
                    matches = false
                    break
                }
                if matches {
                    let after = i + 2 + nameBytes.count
                    if after >= count || Self.isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/") {
                        return i
                    }
                }
            }
            i += 1
        }
        return count
    }

    /// ASCII-lowercased name. Decoding a contiguous slice directly is several times faster than
    /// decoding a lazy map (which goes through generic, dynamically cast code paths).
    static func lowercased(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: slice, as: UTF8.self) }
        var copy = Array(slice)
        for i in copy.indices where copy[i] >= 0x41 && copy[i] <= 0x5A { copy[i] |= 0x20 }
        return String(decoding: copy, as: UTF8.self)
    }
}

/// A document split into tokens once, shared by the text and HTML renderings of a message
/// (tokenizing is about a seventh of the render time; doing it once saves one of two passes).
struct HTMLDocument {
    let bytes: [UInt8]
    let tokens: [HTMLTokenizer.Token]

    init(_ html: String) {
        var tokenizer = HTMLTokenizer(Array(html.utf8))
        var tokens: [HTMLTokenizer.Token] = []
        tokens.reserveCapacity(tokenizer.bytes.count / 16)
        while let token = tokenizer.next() { tokens.append(token) }
        self.bytes = tokenizer.bytes
        self.tokens = tokens
    }
}

struct HTMLTag {
    var name: String
    var traits: ElementTraits
    var attributes: [HTMLAttribute]
    var selfClosing: Bool

    func value(_ name: String) -> String? {
        attributes.first(where: { $0.name == name })?.value
    }
}

/// An attribute with its value entity-decoded (`nil` for a bare attribute like `hidden`).
struct HTMLAttribute {
    var name: String
    var value: String?
}
