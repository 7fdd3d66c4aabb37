import Foundation

/// Makes the URLs inside entry HTML absolute.
///
/// Parsers leave `href`/`src` as the feed wrote them and record the base in `entry.baseURL`
/// (xml:base or the document URL). A mail reader has no such base, so every link must be
/// absolute before the HTML leaves us.
enum HTMLLinks {
    /// Attributes that hold one URL.
    static let urlAttributes: Set<String> = ["href", "src", "poster", "cite", "action", "background", "longdesc", "data"]

    /// Resolves references against one base; build it once per entry.
    ///
    /// Foundation's `URL(string:relativeTo:)` + `absoluteString` costs several microseconds per
    /// link, a tenth of the whole render. Most references in feeds are simple (`/path`,
    /// `//host/x`, `img/a.png`, `?q`, `#f`: plain RFC 3986 characters, no dot segments), and
    /// for those RFC 3986 §5.2 is string concatenation; everything else goes to Foundation.
    /// A differential test keeps the two in agreement.
    struct Resolver {
        private let base: URL?
        /// Parts of a simple base: `https:`, `https://host`, `https://host/dir/`,
        /// `https://host/dir/doc` (no query or fragment), and the base without its fragment.
        private let parts: (scheme: String, origin: String, directory: String, path: String, document: String)?

        init(base: String?) {
            let trimmed = base.map(HTMLLinks.trimmed)
            self.base = trimmed.flatMap { URL(string: $0) }
            parts = self.base == nil ? nil : trimmed.flatMap(Self.split)
        }

        /// The absolute form of `reference`; the reference itself (trimmed) when it already has a
        /// scheme, when there is no usable base, or when it cannot be resolved.
        func resolve(_ reference: String) -> String {
            let trimmed = HTMLLinks.trimmed(reference)
            if trimmed.isEmpty || HTMLLinks.hasScheme(trimmed) { return trimmed }
            guard let base else { return trimmed }
            if let parts, let fast = Self.fastResolve(trimmed, parts) { return fast }
            return URL(string: trimmed, relativeTo: base)?.absoluteString ?? trimmed
        }

        /// Foundation's answer, for the differential test.
        func resolveWithFoundation(_ reference: String) -> String {
            let trimmed = HTMLLinks.trimmed(reference)
            if trimmed.isEmpty || HTMLLinks.hasScheme(trimmed) { return trimmed }
            guard let base else { return trimmed }
            return URL(string: trimmed, relativeTo: base)?.absoluteString ?? trimmed
        }

        private static func fastResolve(_ ref: String, _ parts: (scheme: String, origin: String, directory: String, path: String, document: String)) -> String? {
            guard isSimple(ref, startingPath: true) else { return nil }
            let bytes = ref.utf8
            switch bytes.first {
            case UInt8(ascii: "/"):
                if bytes.dropFirst().first == UInt8(ascii: "/") { return parts.scheme + ref }
                return parts.origin + ref
            case UInt8(ascii: "?"): return parts.path + ref  // base path kept even when empty
            case UInt8(ascii: "#"): return parts.document + ref
            default: return parts.directory + ref
            }
        }

        /// Only RFC 3986 characters (so Foundation would not percent-encode anything) and no
        /// `.`/`..` path segments (which need RFC 3986 §5.2.4 removal).
        private static func isSimple<S: StringProtocol>(_ s: S, startingPath: Bool) -> Bool {
            var segmentStart = true
            var dots = 0
            var inPath = startingPath
            var hashes = 0
            var hexExpected = 0
            let allowed = Self.allowed  // one static access, not one per byte
            for b in s.utf8 {
                guard allowed[Int(b)] else { return false }
                // A `%` must start a valid escape, and a second `#` is not allowed: Foundation
                // would percent-encode either.
                if hexExpected > 0 {
                    guard (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) else { return false }
                    hexExpected -= 1
                } else if b == UInt8(ascii: "%") {
                    hexExpected = 2
                } else if b == UInt8(ascii: "#") {
                    hashes += 1
                    if hashes > 1 { return false }
                }
                if !inPath { continue }
                if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") {
                    if segmentStart && dots > 0 { return false }
                    if b != UInt8(ascii: "/") { inPath = false }
                    segmentStart = true
                    dots = 0
                } else if b == UInt8(ascii: ".") && segmentStart && dots < 2 {
                    dots += 1
                } else {
                    segmentStart = false
                    dots = 0
                }
            }
            return hexExpected == 0 && !(inPath && segmentStart && dots > 0)
        }

        private static let allowed: [Bool] = (0..<256).map { b in
            guard b > 0x20 && b < 0x7F else { return false }
            return !"\"<>\\^`{|}[] ".utf8.contains(UInt8(b))
        }

        /// Splits `scheme://authority/path?query#fragment`; nil for anything unusual
        /// (no authority, uppercase scheme or host, dot segments), which Foundation handles.
        private static func split(_ base: String) -> (String, String, String, String, String)? {
            let u = Array(base.utf8)
            guard isSimple(base, startingPath: false),
                  let colon = u.firstIndex(of: UInt8(ascii: ":")), colon > 0,
                  u.count > colon + 2, u[colon + 1] == UInt8(ascii: "/"), u[colon + 2] == UInt8(ascii: "/") else { return nil }
            let authorityStart = colon + 3
            var authorityEnd = authorityStart
            while authorityEnd < u.count, u[authorityEnd] != UInt8(ascii: "/"), u[authorityEnd] != UInt8(ascii: "?"), u[authorityEnd] != UInt8(ascii: "#") {
                authorityEnd += 1
            }
            guard authorityEnd > authorityStart,
                  !u[..<authorityEnd].contains(where: { $0 >= 0x41 && $0 <= 0x5A }),
                  !u[authorityStart..<authorityEnd].contains(UInt8(ascii: "@")) else { return nil }
            var pathEnd = authorityEnd
            while pathEnd < u.count, u[pathEnd] != UInt8(ascii: "?"), u[pathEnd] != UInt8(ascii: "#") { pathEnd += 1 }
            guard isSimple(String(decoding: u[authorityEnd..<pathEnd], as: UTF8.self), startingPath: true) else { return nil }
            let fragmentStart = u.firstIndex(of: UInt8(ascii: "#")) ?? u.count
            let origin = String(decoding: u[..<authorityEnd], as: UTF8.self)
            let path = String(decoding: u[authorityEnd..<pathEnd], as: UTF8.self)
            // Merging with an empty base path gives "/" + reference (RFC 3986 §5.2.3).
            let directory = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[...$0]) } ?? "/"
            return (String(decoding: u[...colon], as: UTF8.self), origin, origin + directory, origin + path,
                    String(decoding: u[..<fragmentStart], as: UTF8.self))
        }

        /// `srcset` is a comma-separated list of `URL [descriptor]`.
        func resolveSrcset(_ value: String) -> String {
            value.split(separator: ",").map { candidate -> String in
                let parts = candidate.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
                guard let first = parts.first else { return "" }
                return ([resolve(String(first))] + parts.dropFirst().map(String.init)).joined(separator: " ")
            }.joined(separator: ", ")
        }
    }

    /// `html` with every URL attribute made absolute against `base`; everything else unchanged
    /// except that tags are re-serialized with double-quoted attributes.
    static func absolutize(_ html: String, base: String?) -> String {
        let resolver = Resolver(base: base)
        var out: [UInt8] = []
        var tokenizer = HTMLTokenizer(Array(html.utf8))
        out.reserveCapacity(tokenizer.bytes.count + 256)
        while let token = tokenizer.next() {
            switch token {
            case .text(let range), .rawText(_, let range):
                out.append(contentsOf: tokenizer.bytes[range])
            case .startTag(var tag):
                for index in tag.attributes.indices {
                    guard let value = tag.attributes[index].value else { continue }
                    if urlAttributes.contains(tag.attributes[index].name) {
                        tag.attributes[index].value = resolver.resolve(value)
                    } else if tag.attributes[index].name == "srcset" {
                        tag.attributes[index].value = resolver.resolveSrcset(value)
                    }
                }
                HTMLWriter.writeStartTag(tag, into: &out)
            case .endTag(let name, _):
                HTMLWriter.writeEndTag(name, into: &out)
            case .comment:
                break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
    static func hasScheme(_ s: String) -> Bool {
        var first = true
        for b in s.utf8 {
            if b == UInt8(ascii: ":") { return !first }
            let ok = HTMLTokenizer.isASCIILetter(b)
                || (!first && ((b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")))
            if !ok { return false }
            first = false
        }
        return false
    }

    /// Browsers ignore leading/trailing ASCII whitespace and control characters in URL attributes.
    static func trimmed(_ s: String) -> String {
        let u = Array(s.utf8)
        var start = 0, end = u.count
        while start < end && u[start] <= 0x20 { start += 1 }
        while end > start && u[end - 1] <= 0x20 { end -= 1 }
        if start == 0 && end == u.count { return s }
        return String(decoding: u[start..<end], as: UTF8.self)
    }
}
