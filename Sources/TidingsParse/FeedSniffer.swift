import Glibc
import TidingsModel

/// Looks at the first bytes of a download to decide what it is and how its
/// bytes are encoded, before any parser sees it. Content decides, never the URL.
enum FeedSniffer {
    enum Kind: Equatable { case empty, json, html, xml, text }

    static func kind(_ bytes: [UInt8]) -> Kind {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while true {
            while i < bytes.count, ASCII.isXMLSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { return .empty }
            // An array is JSON too (not a feed, but the JSON reader says why).
            if bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "[") { return .json }
            // Skip comments and processing instructions before the first tag.
            if matches(bytes, at: i, "<!--") {
                guard let end = find(bytes, "-->", from: i + 4) else { return .xml }
                i = end + 3
                continue
            }
            if matches(bytes, at: i, "<?") {
                guard let end = find(bytes, "?>", from: i + 2) else { return .xml }
                i = end + 2
                continue
            }
            if matchesIgnoringCase(bytes, at: i, "<!doctype html") || matchesIgnoringCase(bytes, at: i, "<html") {
                return .html
            }
            if bytes[i] != UInt8(ascii: "<"), isASCIICompatible(bytes) { return .text }
            return .xml
        }
    }

    /// The encoding libxml2 must be forced to use, or `nil` to let it read the
    /// document's own BOM or declaration.
    ///
    /// Precedence, as RFC 7303 §3 has it: BOM > HTTP charset > XML declaration
    /// > UTF-8 if the bytes are valid UTF-8 > windows-1252. Servers often label
    /// every XML file with a default charset, so when the HTTP charset and the
    /// document disagree and the bytes show which one lies, the bytes win: valid
    /// UTF-8 with non-ASCII in it is UTF-8 whatever the label says, and bytes that
    /// are not UTF-8 are not UTF-8 whatever the label says.
    ///
    /// Also returns notes for the feed's warnings when a label is unknown or was
    /// overruled (the publisher may want to fix it).
    static func encoding(_ bytes: [UInt8], contentType: String?) -> (force: String?, notes: [String]) {
        // A UTF-8 BOM is forced (the caller drops it): libxml2 would otherwise
        // let a contradicting declaration (`encoding="iso-8859-1"`) win.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", []) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return (nil, []) }
        // UTF-16/32 without a BOM: libxml2 recognises "<?" in those itself.
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 { return (nil, []) }
        // UTF-16 named for an 8-bit document is a lie either way.
        func eightBit(_ name: String?) -> String? { name.flatMap { $0.hasPrefix("UTF-16") ? nil : $0 } }
        let httpLabel = contentType.flatMap(charset(fromContentType:))
        let http = eightBit(httpLabel.flatMap(EncodingLabel.iconvName))
        let label = declaredEncoding(bytes)
        let declaredName = label.flatMap(EncodingLabel.iconvName)
        let declared = eightBit(declaredName)

        let decision: String
        switch (http, declared) {
        case let (http?, declared?) where http == declared:
            decision = http
        case let (http?, declared?) where http == "UTF-8" || declared == "UTF-8":
            decision = UTF8Validation.isValid(bytes) ? "UTF-8" : (http == "UTF-8" ? declared : http)
        case let (http?, _) where http == "UTF-8":
            decision = "UTF-8" // stray bytes that are not UTF-8 are repaired one by one
        case let (http?, _):
            decision = containsNonASCII(bytes) && UTF8Validation.isValid(bytes) ? "UTF-8" : http
        case let (nil, declared?):
            decision = declared
        case (nil, nil):
            decision = UTF8Validation.isValid(bytes) ? "UTF-8" : "WINDOWS-1252"
        }
        // Notes for the feed's warnings: an unknown label, a label overruled by
        // the bytes or by precedence.
        var notes: [String] = []
        if let label, let declared, declared != decision {
            notes.append(decision == http && decision != "UTF-8"
                ? "the server's charset=\(httpLabel ?? "") overrides the document's encoding=\"\(label)\""
                : "the document says encoding=\"\(label)\" but is \(decision); read as \(decision)")
        } else if let label, declared == nil, declaredName != nil {
            notes.append("the document says encoding=\"\(label)\" but is 8-bit; read as \(decision)")
        } else if let http, let httpLabel, http != decision {
            notes.append("the server says charset=\(httpLabel) but the document is \(decision); read as \(decision)")
        }
        if let label, declaredName == nil {
            notes.append("unknown encoding \"\(label)\" ignored")
        }
        // Everything but plain UTF-8 is forced, so the WHATWG reading of the
        // label applies (libxml2 would read `iso-8859-1` as Latin-1, not as
        // windows-1252); UTF-8 too when the document names something else (an
        // unknown label, UTF-16, another charset), or libxml2 would follow that.
        if decision == "UTF-8", label == nil || declared == "UTF-8" { return (nil, notes) }
        return (decision, notes)
    }

    private static func containsNonASCII(_ bytes: [UInt8]) -> Bool {
        bytes.contains(where: { $0 >= 0x80 })
    }

    /// False for UTF-16/32 (by BOM or by the zero bytes of `<` in them).
    static func isASCIICompatible(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        return !(bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0))
    }

    /// The `encoding` pseudo-attribute of `<?xml … ?>`, read as ASCII.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard matches(bytes, at: 0, "<?xml") else { return nil }
        return bytes.withUnsafeBufferPointer { s -> String? in
            let limit = min(s.count, 512)
            var i = 5
            while i + 1 < limit, !(s[i] == UInt8(ascii: "?") && s[i + 1] == UInt8(ascii: ">")) {
                // `encoding` …
                if s[i] == UInt8(ascii: "e"), i + 8 <= limit, memcmp(s.baseAddress! + i, "encoding", 8) == 0 {
                    var j = i + 8
                    // … `=` with optional spaces …
                    while j < limit, s[j] == 0x20 || s[j] == 0x09 || s[j] == 0x0A || s[j] == 0x0D || s[j] == UInt8(ascii: "=") { j += 1 }
                    // … and a quoted label.
                    guard j < limit, s[j] == UInt8(ascii: "\"") || s[j] == UInt8(ascii: "'") else { return nil }
                    let quote = s[j]
                    let start = j + 1
                    var end = start
                    while end < limit, s[end] != quote { end += 1 }
                    guard end < limit, end > start else { return nil }
                    return String(decoding: UnsafeBufferPointer(rebasing: s[start..<end]), as: UTF8.self)
                }
                i += 1
            }
            return nil
        }
    }

    /// `text/xml; charset="gb2312"` → `gb2312`.
    static func charset(fromContentType value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimming(" \t").lowercased() == "charset" else { continue }
            let v = pair[1].trimming(" \t\"'")
            return v.isEmpty ? nil : v
        }
        return nil
    }

    // Byte matching against static literals: `kind` runs on every document,
    // and a String literal turned into an Array per position cost 20k
    // instructions a document.
    private static func matches(_ bytes: [UInt8], at i: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i >= 0, i + n <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + i, literal.utf8Start, n) == 0 }
    }

    private static func matchesIgnoringCase(_ bytes: [UInt8], at i: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n {
            let b = bytes[i + k], c = literal.utf8Start[k]
            if b != c && (b | 0x20) != c { return false }
        }
        // "<html" must end the name: "<htmlfoo>" is not HTML.
        let last = literal.utf8Start[n - 1]
        if ASCII.isLetter(last), i + n < bytes.count, ASCII.isLetter(bytes[i + n]) { return false }
        return true
    }

    private static func find(_ bytes: [UInt8], _ literal: StaticString, from: Int) -> Int? {
        let n = literal.utf8CodeUnitCount
        guard bytes.count >= n, from <= bytes.count - n else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let base = buffer.baseAddress!
            var i = from
            let first = Int32(literal.utf8Start.pointee)
            while i <= buffer.count - n, let hit = memchr(base + i, first, buffer.count - n + 1 - i) {
                let p = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + p, literal.utf8Start, n) == 0 { return p }
                i = p + 1
            }
            return nil
        }
    }
}

private extension Substring {
    /// Drops the given characters from both ends (quotes around a charset too).
    func trimming(_ set: String) -> String {
        let chars = Set(set)
        return String(drop(while: { chars.contains($0) }).reversed().drop(while: { chars.contains($0) }).reversed())
    }
}
