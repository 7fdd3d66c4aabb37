import Foundation
import TidingsModel

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
        private let parts: Parts?

        /// A class so that using the parts costs one retain, not one per array.
        private final class Parts: Sendable {
            let scheme: [UInt8], origin: [UInt8], directory: [UInt8], path: [UInt8], document: [UInt8]

            init(scheme: [UInt8], origin: [UInt8], directory: [UInt8], path: [UInt8], document: [UInt8]) {
                self.scheme = scheme
                self.origin = origin
                self.directory = directory
                self.path = path
                self.document = document
            }
        }

        init(base: String?) {
            let trimmed = base.map(HTMLLinks.trimmed)
            self.base = trimmed.flatMap { URL(string: $0) }
            parts = self.base == nil ? nil : trimmed.flatMap(Self.split)
        }

        /// The absolute form of `reference`; the reference itself (trimmed) when it already has a
        /// scheme, when there is no usable base, or when it cannot be resolved.
        func resolve(_ reference: String) -> String {
            var out: [UInt8] = []
            var reference = reference
            reference.withUTF8 { resolve($0, into: &out) }
            return String(decoding: out, as: UTF8.self)
        }

        /// `resolve` for bytes, appending the result to `out`: the renderers call this for every
        /// link and image, so the common cases make no String at all.
        func resolve(_ reference: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
            let trimmed = HTMLLinks.trimmed(reference)
            if trimmed.isEmpty || URIScheme.isPresent(trimmed) || base == nil {
                out.append(contentsOf: trimmed)
                return
            }
            if let parts, Self.isSimple(trimmed, startingPath: true) {
                let prefix: [UInt8]
                switch trimmed[0] {
                case UInt8(ascii: "/"): prefix = trimmed.count > 1 && trimmed[1] == UInt8(ascii: "/") ? parts.scheme : parts.origin
                case UInt8(ascii: "?"): prefix = parts.path  // base path kept even when empty
                case UInt8(ascii: "#"): prefix = parts.document
                default: prefix = parts.directory
                }
                out.append(contentsOf: prefix)
                out.append(contentsOf: trimmed)
                return
            }
            let string = String(decoding: trimmed, as: UTF8.self)
            out.append(contentsOf: (URL(string: string, relativeTo: base)?.absoluteString ?? string).utf8)
        }

        /// Foundation's answer, for the differential test.
        func resolveWithFoundation(_ reference: String) -> String {
            let trimmed = HTMLLinks.trimmed(reference)
            if trimmed.isEmpty || URIScheme.isPresent(trimmed) { return trimmed }
            guard let base else { return trimmed }
            return URL(string: trimmed, relativeTo: base)?.absoluteString ?? trimmed
        }

        /// Only RFC 3986 characters (so Foundation would not percent-encode anything) and no
        /// `.`/`..` path segments (which need RFC 3986 §5.2.4 removal).
        private static func isSimple<S: Sequence<UInt8>>(_ s: S, startingPath: Bool) -> Bool {
            var segmentStart = true
            var dots = 0
            var inPath = startingPath
            var hashes = 0
            var hexExpected = 0
            let allowed = Self.allowed  // one static access, not one per byte
            for b in s {
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
        private static func split(_ base: String) -> Parts? {
            let u = Array(base.utf8)
            guard isSimple(u, startingPath: false),
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
            guard isSimple(u[authorityEnd..<pathEnd], startingPath: true) else { return nil }
            let fragmentStart = u.firstIndex(of: UInt8(ascii: "#")) ?? u.count
            let origin = Array(u[..<authorityEnd])
            let path = u[authorityEnd..<pathEnd]
            // Merging with an empty base path gives "/" + reference (RFC 3986 §5.2.3).
            let directory = path.lastIndex(of: UInt8(ascii: "/")).map { Array(u[authorityEnd...$0]) } ?? [UInt8(ascii: "/")]
            return Parts(scheme: Array(u[...colon]), origin: origin, directory: origin + directory, path: origin + path,
                         document: Array(u[..<fragmentStart]))
        }

        /// `resolveSrcset` for bytes, appending to `out`. Splitting Characters and splitting bytes
        /// agree for ASCII without CR (CR LF is one Character); anything else takes the String path.
        func resolveSrcset(_ value: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
            guard !value.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else {
                out.append(contentsOf: resolveSrcset(String(decoding: value, as: UTF8.self)).utf8)
                return
            }
            var firstCandidate = true
            for candidate in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true) {
                if !firstCandidate { out.append(UInt8(ascii: ",")); out.append(0x20) }
                firstCandidate = false
                let parts = candidate.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 })
                for (n, part) in parts.enumerated() {
                    if n == 0 {
                        resolve(UnsafeBufferPointer(rebasing: part), into: &out)
                    } else {
                        out.append(0x20)
                        out.append(contentsOf: part)
                    }
                }
            }
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
        let document = HTMLDocument(html)
        var out: [UInt8] = []
        out.reserveCapacity(document.bytes.count + 256)
        var value: [UInt8] = []
        document.bytes.withUnsafeBufferPointer { bytes in
            for token in document.tokens {
                switch token.kind {
                case .text, .rawText:
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[token.range]))
                case .startTag:
                    guard HTMLWriter.openStartTag(UnsafeBufferPointer(rebasing: bytes[token.range]), into: &out) else { continue }
                    for attribute in document.attributes[token.attributes] {
                        let name = UnsafeBufferPointer(rebasing: bytes[attribute.name])
                        guard let range = attribute.value else {
                            HTMLWriter.writeAttribute(name, value: nil, into: &out)
                            continue
                        }
                        let raw = UnsafeBufferPointer(rebasing: bytes[range])
                        value.removeAll(keepingCapacity: true)
                        if attribute.known.holdsURL {
                            resolver.resolve(raw, into: &value)
                        } else if attribute.known == .srcset {
                            value.append(contentsOf: resolver.resolveSrcset(String(decoding: raw, as: UTF8.self)).utf8)
                        } else {
                            value.append(contentsOf: raw)
                        }
                        value.withUnsafeBufferPointer { HTMLWriter.writeAttribute(name, value: $0, into: &out) }
                    }
                    HTMLWriter.closeStartTag(selfClosing: token.selfClosing, into: &out)
                case .endTag:
                    HTMLWriter.writeEndTag(UnsafeBufferPointer(rebasing: bytes[token.range]), into: &out)
                case .comment:
                    break
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Browsers ignore leading/trailing ASCII whitespace and control characters in URL attributes.
    static func trimmed(_ s: String) -> String {
        var copy = s
        let changed = copy.withUTF8 { u -> String? in
            let t = trimmed(u)
            return t.count == u.count ? nil : String(decoding: t, as: UTF8.self)
        }
        return changed ?? s
    }

    static func trimmed(_ u: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = u.count
        while start < end && u[start] <= 0x20 { start += 1 }
        while end > start && u[end - 1] <= 0x20 { end -= 1 }
        return UnsafeBufferPointer(rebasing: u[start..<end])
    }
}
