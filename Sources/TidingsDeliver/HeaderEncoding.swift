/// Writes header fields that are safe whatever the feed put in them.
///
/// Three guarantees, because header values come from untrusted feeds:
/// 1. No CR, LF or NUL ever reaches a header (a title with `\r\nBcc: x` must not create a
///    header): controls become spaces and whitespace runs collapse before anything else.
/// 2. Non-ASCII text is RFC 2047 encoded: whole-value `=?UTF-8?B?…?=` words, each at most 75
///    characters and each holding whole grapheme clusters (a flag or a ZWJ emoji is never
///    split across words, so even decoders that decode word by word show it intact).
/// 3. Lines are folded at 78 characters (RFC 5322 §2.1.1) and never exceed 998.
///
/// Base64 rather than Q: titles that need encoding are mostly CJK or emoji, where B is shorter,
/// and B has no per-context character rules (Q differs in phrases and unstructured text).
enum HeaderEncoding {
    static let lineLimit = 78

    // The String functions are the reference API (and what the tests call); message rendering
    // uses the `append…` forms, which write header bytes straight into the message buffer.

    /// `Name: value` for unstructured text (Subject, X-RSS-Tags), folded, with a trailing LF.
    static func unstructured(_ name: String, _ value: String) -> String {
        var out: [UInt8] = []
        appendUnstructured(name, Array(value.utf8), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendUnstructured(_ name: String, _ value: [UInt8], to out: inout [UInt8]) {
        let text = sanitized(value)
        let used = name.utf8.count + 2
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ":")); out.append(UInt8(ascii: " "))
        if needsEncoding(text) || !foldsCleanly(text, firstLineUsed: used) {
            appendEncodedWords(text, firstLineUsed: used, to: &out)
        } else {
            appendFolded(text, firstLineUsed: used, to: &out)
        }
        out.append(0x0A)
    }

    /// A mailbox display name (RFC 5322 phrase): a quoted string when ASCII and short, else
    /// encoded words (RFC 2047 forbids encoded words inside quoted strings).
    static func phrase(_ value: String, firstLineUsed: Int) -> String {
        var out: [UInt8] = []
        appendPhrase(Array(value.utf8), firstLineUsed: firstLineUsed, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendPhrase(_ value: [UInt8], firstLineUsed: Int, to out: inout [UInt8]) {
        let text = sanitized(value)
        if !needsEncoding(text) && text.count + firstLineUsed + 2 <= 60 {
            out.append(UInt8(ascii: "\""))
            for b in text {
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
            return
        }
        appendEncodedWords(text, firstLineUsed: firstLineUsed, to: &out)
    }

    /// Header-safe text: controls (including CR, LF, NUL, DEL, C1 controls such as U+0085,
    /// U+2028/9) and Unicode spaces become spaces, runs of whitespace collapse to one space,
    /// ends are trimmed. Byte-level: this runs on every header value and footer line.
    static func sanitized(_ value: String) -> String {
        if isClean(value.utf8) { return value }
        return String(decoding: sanitized(Array(value.utf8)), as: UTF8.self)
    }

    static func sanitized(_ value: [UInt8]) -> [UInt8] {
        if isClean(value) { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        value.withUnsafeBufferPointer { appendSanitized($0, to: &out) }
        return out
    }

    /// Appends `sanitized(bytes)` to `out`.
    static func appendSanitized(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if isClean(bytes) {
            out.append(contentsOf: bytes)
            return
        }
        let start = out.count
        var space = false
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            let width = spaceWidth(bytes, i)
            if width > 0 {
                space = out.count > start
                i += width
                continue
            }
            if space { out.append(0x20); space = false }
            out.append(b)
            i += 1
        }
    }

    static func appendSanitized(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendSanitized($0, to: &out) }
    }

    /// Printable ASCII with single inner spaces: nothing to do (the common case).
    private static func isClean<C: Collection<UInt8>>(_ value: C) -> Bool {
        var previousSpace = true  // a leading space is not clean
        for b in value {
            if b > 0x20 && b < 0x7F {
                previousSpace = false
            } else if b == 0x20 && !previousSpace {
                previousSpace = true
            } else {
                return false
            }
        }
        return !previousSpace || value.isEmpty
    }

    /// Length in bytes of the whitespace or control character at `i`, 0 for anything else.
    private static func spaceWidth(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = u[i]
        if b <= 0x20 || b == 0x7F { return 1 }
        guard b >= 0xC2, i + 1 < u.count else { return 0 }
        let b1 = u[i + 1]
        if b == 0xC2 && b1 >= 0x80 && b1 <= 0xA0 { return 2 }  // C1 controls, NBSP
        guard i + 2 < u.count else { return 0 }
        let b2 = u[i + 2]
        if b == 0xE2 && b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9) { return 3 }  // U+2000–200A, U+2028/9
        if b == 0xE3 && b1 == 0x80 && b2 == 0x80 { return 3 }  // U+3000 ideographic space
        return 0
    }

    /// Non-ASCII, or text a decoder would mistake for an encoded word.
    static func needsEncoding(_ text: String) -> Bool { needsEncoding(text.utf8) }

    static func needsEncoding<C: Collection<UInt8>>(_ text: C) -> Bool {
        var previous: UInt8 = 0
        for b in text {
            if b >= 0x80 { return true }
            if previous == UInt8(ascii: "=") && b == UInt8(ascii: "?") { return true }
            previous = b
        }
        return false
    }

    /// Whether plain folding at spaces keeps every line within the limit.
    private static func foldsCleanly(_ text: [UInt8], firstLineUsed: Int) -> Bool {
        var longest = 0, current = 0
        for b in text {
            if b == 0x20 { longest = max(longest, current); current = 0 } else { current += 1 }
        }
        longest = max(longest, current)
        return longest + firstLineUsed <= lineLimit || longest + 1 <= lineLimit
    }

    /// Folds ASCII text at spaces: the space stays as the continuation line's leading
    /// whitespace, so unfolding (removing the LF) restores the text exactly.
    static func folded(_ text: String, firstLineUsed: Int) -> String {
        var out: [UInt8] = []
        appendFolded(Array(text.utf8), firstLineUsed: firstLineUsed, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendFolded(_ text: [UInt8], firstLineUsed: Int, to out: inout [UInt8]) {
        var lineLength = firstLineUsed
        var first = true
        for word in text.split(separator: 0x20, omittingEmptySubsequences: true) {
            let length = word.count
            if first {
                lineLength += length
                first = false
            } else if lineLength + 1 + length > lineLimit {
                out.append(0x0A); out.append(0x20)
                lineLength = 1 + length
            } else {
                out.append(0x20)
                lineLength += 1 + length
            }
            out.append(contentsOf: word)
        }
    }

    /// `=?UTF-8?B?…?=` words separated by folding whitespace (ignored between encoded words
    /// when decoding), each word ≤ 75 characters and made of whole grapheme clusters.
    static func encodedWords(_ text: String, firstLineUsed: Int) -> String {
        var out: [UInt8] = []
        appendEncodedWords(Array(text.utf8), firstLineUsed: firstLineUsed, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendEncodedWords(_ bytes: [UInt8], firstLineUsed: Int, to out: inout [UInt8]) {
        let overhead = 12  // "=?UTF-8?B?" + "?="
        // Bytes of UTF-8 that fit: every 3 bytes become 4 base64 characters.
        func capacity(_ room: Int) -> Int { max(0, min(75, room) - overhead) / 4 * 3 }
        // Words are cut at grapheme cluster boundaries, found by walking String indices (no
        // String per cluster); the UTF-8 is `bytes`, so word contents are plain byte ranges.
        let text = String(decoding: bytes, as: UTF8.self)
        var wordStarts: [Int] = []
        var current = 0  // bytes in the word being filled, which ends at `position`
        var position = 0
        var limit = capacity(lineLimit - firstLineUsed)
        if limit < 12 { limit = capacity(lineLimit - 1) }  // no room on the first line: start on the next
        func endWord() {
            wordStarts.append(position)
            current = 0
        }
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let length = text.utf8.distance(from: index, to: next)
            if current + length > limit && current > 0 {
                endWord()
                limit = capacity(lineLimit - 1)
            }
            if length > limit {
                // A cluster longer than a whole word (pathological combining sequences): split at scalars.
                for scalar in text.unicodeScalars[index..<next] {
                    let scalarLength = UTF8.width(scalar)
                    if current + scalarLength > limit && current > 0 { endWord() }
                    current += scalarLength
                    position += scalarLength
                }
            } else {
                current += length
                position += length
            }
            index = next
        }
        // Word n runs from wordStarts[n-1] (or 0) to wordStarts[n] (or the end).
        var start = 0
        var first = true
        func emit(_ end: Int) {
            if !first { out.append(0x0A); out.append(0x20) }
            first = false
            out.append(contentsOf: "=?UTF-8?B?".utf8)
            bytes.withUnsafeBufferPointer { Base64.encode(UnsafeBufferPointer(rebasing: $0[start..<end]), lineLength: nil, into: &out) }
            out.append(UInt8(ascii: "?")); out.append(UInt8(ascii: "="))
            start = end
        }
        for end in wordStarts { emit(end) }
        if current > 0 || wordStarts.isEmpty { emit(position) }
    }

    /// Printable ASCII only, for values that must stay machine-readable (URLs, keys): other
    /// bytes are percent-encoded, so nothing is lost and nothing can break the header.
    static func percentEncodedASCII(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        appendPercentEncodedASCII(value.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendPercentEncodedASCII<C: Collection<UInt8>>(_ value: C, alsoEncoding: (UInt8) -> Bool = { _ in false }, to out: inout [UInt8]) {
        for b in value {
            if b > 0x20 && b < 0x7F && !alsoEncoding(b) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0x0F)])
            }
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
