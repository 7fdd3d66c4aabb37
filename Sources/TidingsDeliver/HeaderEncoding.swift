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

    /// `Name: value` for unstructured text (Subject, X-RSS-Tags), folded, with a trailing LF.
    static func unstructured(_ name: String, _ value: String) -> String {
        let text = sanitized(value)
        if needsEncoding(text) || !foldsCleanly(text, firstLineUsed: name.utf8.count + 2) {
            return name + ": " + encodedWords(text, firstLineUsed: name.utf8.count + 2) + "\n"
        }
        return name + ": " + folded(text, firstLineUsed: name.utf8.count + 2) + "\n"
    }

    /// A mailbox display name (RFC 5322 phrase): a quoted string when ASCII and short, else
    /// encoded words (RFC 2047 forbids encoded words inside quoted strings).
    static func phrase(_ value: String, firstLineUsed: Int) -> String {
        let text = sanitized(value)
        if !needsEncoding(text) && text.utf8.count + firstLineUsed + 2 <= 60 {
            var quoted = "\""
            for c in text.unicodeScalars {
                if c == "\"" || c == "\\" { quoted.unicodeScalars.append("\\") }
                quoted.unicodeScalars.append(c)
            }
            return quoted + "\""
        }
        return encodedWords(text, firstLineUsed: firstLineUsed)
    }

    /// Header-safe text: controls (including CR, LF, NUL, DEL, C1 controls such as U+0085,
    /// U+2028/9) and Unicode spaces become spaces, runs of whitespace collapse to one space,
    /// ends are trimmed. Byte-level: this runs on every header value and footer line.
    static func sanitized(_ value: String) -> String {
        if isClean(value) { return value }
        let bytes = Array(value.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            let width = spaceWidth(bytes, i)
            if width > 0 {
                space = !out.isEmpty
                i += width
                continue
            }
            if space { out.append(0x20); space = false }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Printable ASCII with single inner spaces: nothing to do (the common case).
    private static func isClean(_ value: String) -> Bool {
        var previousSpace = true  // a leading space is not clean
        for b in value.utf8 {
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
    private static func spaceWidth(_ u: [UInt8], _ i: Int) -> Int {
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
    static func needsEncoding(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b >= 0x80 { return true }
            if previous == UInt8(ascii: "=") && b == UInt8(ascii: "?") { return true }
            previous = b
        }
        return false
    }

    /// Whether plain folding at spaces keeps every line within the limit.
    private static func foldsCleanly(_ text: String, firstLineUsed: Int) -> Bool {
        var longest = 0, current = 0
        for b in text.utf8 {
            if b == 0x20 { longest = max(longest, current); current = 0 } else { current += 1 }
        }
        longest = max(longest, current)
        return longest + firstLineUsed <= lineLimit || longest + 1 <= lineLimit
    }

    /// Folds ASCII text at spaces: the space stays as the continuation line's leading
    /// whitespace, so unfolding (removing the LF) restores the text exactly.
    static func folded(_ text: String, firstLineUsed: Int) -> String {
        var out = ""
        var lineLength = firstLineUsed
        var first = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let length = word.utf8.count
            if first {
                out += word
                lineLength += length
                first = false
            } else if lineLength + 1 + length > lineLimit {
                out += "\n " + word
                lineLength = 1 + length
            } else {
                out += " " + word
                lineLength += 1 + length
            }
        }
        return out
    }

    /// `=?UTF-8?B?…?=` words separated by folding whitespace (ignored between encoded words
    /// when decoding), each word ≤ 75 characters and made of whole grapheme clusters.
    static func encodedWords(_ text: String, firstLineUsed: Int) -> String {
        let overhead = 12  // "=?UTF-8?B?" + "?="
        // Bytes of UTF-8 that fit: every 3 bytes become 4 base64 characters.
        func capacity(_ room: Int) -> Int { max(0, min(75, room) - overhead) / 4 * 3 }
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        var limit = capacity(lineLimit - firstLineUsed)
        if limit < 12 { limit = capacity(lineLimit - 1) }  // no room on the first line: start on the next
        for cluster in text {
            let bytes = Array(String(cluster).utf8)
            if current.count + bytes.count > limit && !current.isEmpty {
                words.append(current)
                current = []
                limit = capacity(lineLimit - 1)
            }
            if bytes.count > limit {
                // A cluster longer than a whole word (pathological combining sequences): split at scalars.
                for scalar in String(cluster).unicodeScalars {
                    let scalarBytes = Array(String(scalar).utf8)
                    if current.count + scalarBytes.count > limit && !current.isEmpty {
                        words.append(current)
                        current = []
                    }
                    current += scalarBytes
                }
            } else {
                current += bytes
            }
        }
        if !current.isEmpty || words.isEmpty { words.append(current) }
        return words.map { "=?UTF-8?B?" + Base64.encode($0) + "?=" }.joined(separator: "\n ")
    }

    /// Printable ASCII only, for values that must stay machine-readable (URLs, keys): other
    /// bytes are percent-encoded, so nothing is lost and nothing can break the header.
    static func percentEncodedASCII(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for b in value.utf8 {
            if b > 0x20 && b < 0x7F {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
