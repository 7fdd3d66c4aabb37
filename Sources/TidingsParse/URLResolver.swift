/// RFC 3986 §5 reference resolution on strings. Foundation's `URL` rejects the
/// IRIs feeds contain (raw non-ASCII, spaces) and is slow per item; feeds need
/// only resolution, not validation.
///
/// Resolution works on the UTF-8 bytes of the reference and the base and writes the
/// result once, into a `String` of its final size. The string-based resolver it
/// replaced compared and split by `Character`, so a `/`, `.`, `#`, `?` or `:` that a
/// following combining mark joins into a larger Character was not a delimiter to it;
/// the few references where that can matter (a non-ASCII byte right after such a
/// delimiter) still go through that resolver, `resolveByCharacters`, so no result
/// changed.
enum URLResolver {
    /// `reference` made absolute against `base`; trimmed; `nil` when empty
    /// (an empty `<link/>` in a feed means "no link", not "this document").
    /// Without a usable base a relative reference is returned as written.
    /// The same on captured bytes: an absolute reference with nothing to trim
    /// (most links) becomes its `String` directly.
    static func resolve(_ reference: UnsafeBufferPointer<UInt8>, against base: String?) -> String? {
        if let first = reference.first, first > 0x20, let last = reference.last, last > 0x20, hasScheme(reference) {
            return String(decoding: reference, as: UTF8.self)
        }
        return resolve(bytes: reference, against: base, written: nil)
    }

    static func resolve(_ reference: String, against base: String?) -> String? {
        var bytes = reference
        return bytes.withUTF8 { resolve(bytes: $0, against: base, written: reference) }
    }

    /// `written` is `whole` as a String when the caller has one (returned as is when
    /// nothing is trimmed). Invalid UTF-8 in `whole` comes out repaired, as when it is
    /// decoded first: every cut is at an ASCII byte.
    private static func resolve(bytes whole: UnsafeBufferPointer<UInt8>, against base: String?, written: String?) -> String? {
        var start = 0, end = whole.count
        while start < end, isSpace(whole[start]) { start += 1 }
        while end > start, isSpace(whole[end - 1]) { end -= 1 }
        if start == end { return nil }
        let ref = UnsafeBufferPointer(rebasing: whole[start..<end])
        func asWritten() -> String {
            if let written, start == 0, end == whole.count { return written }
            return String(decoding: ref, as: UTF8.self)
        }
        guard let base, !hasScheme(ref) else { return asWritten() }
        var baseBytes = base
        switch baseBytes.withUTF8({ resolve(ref, against: $0) }) {
        case .resolved(let url): return url
        case .asWritten: return asWritten()
        case .byCharacters: return resolveByCharacters(written ?? String(decoding: whole, as: UTF8.self), against: base)
        }
    }

    private enum Resolution {
        case resolved(String)
        /// The base has no scheme: the reference stays as written.
        case asWritten
        /// A delimiter may be part of a larger Character: see the type's comment.
        case byCharacters
    }

    /// RFC 3986 §5.2.2–5.2.3 for a trimmed, non-empty reference without a scheme.
    private static func resolve(_ ref: UnsafeBufferPointer<UInt8>, against b: UnsafeBufferPointer<UInt8>) -> Resolution {
        let slash = UInt8(ascii: "/"), hash = UInt8(ascii: "#"), question = UInt8(ascii: "?")
        // The base's scheme, authority and path: trimmed, up to its query or fragment
        // (a `?` or `#` ends the scheme too, so the scheme is looked for in the whole).
        var baseStart = 0, baseEnd = b.count
        while baseStart < baseEnd, isSpace(b[baseStart]) { baseStart += 1 }
        while baseEnd > baseStart, isSpace(b[baseEnd - 1]) { baseEnd -= 1 }
        guard let colon = schemeEnd(UnsafeBufferPointer(rebasing: b[baseStart..<baseEnd])).map({ baseStart + $0 }) else {
            return .asWritten
        }
        let scheme = baseStart..<colon
        var pathStart = colon + 1
        if pathStart < baseEnd, b[pathStart] >= 0x80 { return .byCharacters }
        var authority: Range<Int>?
        if baseEnd - pathStart >= 2, b[pathStart] == slash, b[pathStart + 1] == slash {
            if baseEnd - pathStart > 2, b[pathStart + 2] >= 0x80 { return .byCharacters }
            var e = pathStart + 2
            while e < baseEnd, b[e] != slash, b[e] != question, b[e] != hash { e += 1 }
            authority = pathStart + 2..<e
            pathStart = e
        }
        var pathEnd = pathStart, lastSlash: Int?
        while pathEnd < baseEnd {
            let c = b[pathEnd]
            if c == question || c == hash { break }
            if c == slash { lastSlash = pathEnd }
            pathEnd += 1
        }
        let path = pathStart..<pathEnd

        let r0 = ref[0]
        if r0 == slash || r0 == hash || r0 == question, ref.count > 1, ref[1] >= 0x80 { return .byCharacters }
        let none = ref[0..<0]
        if r0 == slash, ref.count > 1, ref[1] == slash {
            // Scheme-relative: `//host/path`.
            if ref.count > 2, ref[2] >= 0x80 { return .byCharacters }
            return .resolved(assemble(scheme: b[scheme], authority: nil, none, none, ref[...]))
        }
        if r0 == hash {
            // The base as written, up to its own fragment.
            var h = 0
            while h < b.count, b[h] != hash { h += 1 }
            return .resolved(assemble(scheme: nil, authority: nil, b[0..<h], none, ref[...]))
        }
        let authorityPart = authority.map { b[$0] }
        if r0 == question {
            return .resolved(assemble(scheme: b[scheme], authority: authorityPart, b[path], none, ref[...]))
        }
        var tailStart = 0
        while tailStart < ref.count, ref[tailStart] != question, ref[tailStart] != hash { tailStart += 1 }
        let refPath = ref[0..<tailStart]
        // §5.2.3 merge: the base path up to its last `/` comes first.
        var directory = none
        var rootSlash = false
        if r0 != slash {
            if authority != nil && path.isEmpty {
                rootSlash = true
            } else if let last = lastSlash {
                if last + 1 < path.upperBound, b[last + 1] >= 0x80 { return .byCharacters }
                directory = b[path.lowerBound...last]
            }
        }
        let dots = hasDotSegment(UnsafeBufferPointer(rebasing: directory)) || hasDotSegment(UnsafeBufferPointer(rebasing: refPath))
        if dots, !isASCII(directory) || !isASCII(refPath) { return .byCharacters }
        return .resolved(assemble(scheme: b[scheme], authority: authorityPart, rootSlash: rootSlash,
                                  directory, refPath, removingDots: dots, ref[tailStart...]))
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `scheme:` `//authority` `/` `path refPath` `tail`, written once into a String of
    /// its final size (at most: dot-segment removal only shortens `path refPath`).
    private static func assemble(scheme: Bytes?, authority: Bytes?, rootSlash: Bool = false,
                                 _ path: Bytes, _ refPath: Bytes, removingDots: Bool = false, _ tail: Bytes) -> String {
        let capacity = (scheme.map { $0.count + 1 } ?? 0) + (authority.map { $0.count + 2 } ?? 0)
            + (rootSlash ? 1 : 0) + path.count + refPath.count + tail.count
        return String(unsafeUninitializedCapacity: capacity) { out in
            var w = 0
            func put(_ bytes: Bytes) {
                guard let from = bytes.base.baseAddress, !bytes.isEmpty else { return }
                (out.baseAddress! + w).initialize(from: from + bytes.startIndex, count: bytes.count)
                w += bytes.count
            }
            if let scheme {
                put(scheme)
                out[w] = UInt8(ascii: ":"); w += 1
            }
            if let authority {
                out[w] = UInt8(ascii: "/"); out[w + 1] = UInt8(ascii: "/"); w += 2
                put(authority)
            }
            let mergedStart = w
            if rootSlash { out[w] = UInt8(ascii: "/"); w += 1 }
            put(path)
            put(refPath)
            if removingDots { w = removeDotSegments(in: out, from: mergedStart, to: w) }
            put(tail)
            return w
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    private static func isASCII(_ bytes: Bytes) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// RFC 3986 §5.2.4 in place on `out[start..<end]` (ASCII: every `/` is a
    /// delimiter); returns the new end. The output never outruns the input, so each
    /// kept segment moves left or stays.
    private static func removeDotSegments(in out: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let absolute = start < end && out[start] == slash
        let root = absolute ? start + 1 : start
        var w = root, kept = 0, r = root
        while true {
            var e = r
            while e < end, out[e] != slash { e += 1 }
            let last = e == end
            if e - r == 1 && out[r] == dot {
                if last { if kept > 0 { out[w] = slash; w += 1 }; kept += 1 }
            } else if e - r == 2 && out[r] == dot && out[r + 1] == dot {
                if kept > 0 {
                    kept -= 1
                    if kept == 0 { w = root } else { repeat { w -= 1 } while out[w] != slash }
                }
                if last { if kept > 0 { out[w] = slash; w += 1 }; kept += 1 }
            } else {
                if kept > 0 { out[w] = slash; w += 1 }
                if w != r { for i in r..<e { out[w + i - r] = out[i] } }
                w += e - r
                kept += 1
            }
            if last { return w }
            r = e + 1
        }
    }

    static func hasScheme(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { hasScheme($0) }
    }

    static func hasScheme(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        schemeEnd(s) != nil
    }

    /// Where the `:` after a scheme (RFC 3986 §3.1: a letter, then letters, digits,
    /// `+`, `-`, `.`) is, when `s` starts with one.
    private static func schemeEnd(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = s.first, (first | 0x20) &- UInt8(ascii: "a") < 26 else { return nil }
        // Bits for `+` `-` `.` `0`…`9` (bytes 0–63) and `A`…`Z` `a`…`z` (64–127).
        let low: UInt64 = 1 << 43 | 1 << 45 | 1 << 46 | 0x3FF << 48
        let high: UInt64 = 0x3FF_FFFF << 1 | 0x3FF_FFFF << 33
        var i = 1
        while i < s.count {
            let b = s[i]
            let bits = b < 64 ? low : b < 128 ? high : 0
            if bits >> (b & 63) & 1 == 0 { return b == UInt8(ascii: ":") ? i : nil }
            i += 1
        }
        return nil
    }

    // MARK: - By Characters

    /// The string-based resolver, kept for references where a delimiter is followed by
    /// a non-ASCII byte: `hasPrefix`, `split` and `index(after:)` see a delimiter and
    /// a combining mark after it as one Character.
    private static func resolveByCharacters(_ reference: String, against base: String) -> String? {
        let ref = reference.trimmingASCIIWhitespace()
        if ref.isEmpty { return nil }
        if hasScheme(ref) { return ref }
        guard let b = Parts(base), b.scheme != nil else { return ref }
        let scheme = b.scheme!
        if ref.hasPrefix("//") { return scheme + ":" + ref }
        if ref.hasPrefix("#") { return withoutFragment(base) + ref }
        let authority = b.authority.map { "//" + $0 } ?? ""
        if ref.hasPrefix("?") { return scheme + ":" + authority + b.path + ref }
        // Split the reference's path from its query/fragment.
        let tailStart = ref.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? ref.endIndex
        let refPath = String(ref[..<tailStart])
        let tail = String(ref[tailStart...])
        let merged: String
        if refPath.hasPrefix("/") {
            merged = refPath
        } else if b.authority != nil && b.path.isEmpty {
            merged = "/" + refPath
        } else if let slash = b.path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            merged = String(b.path[...slash]) + refPath
        } else {
            merged = refPath
        }
        return scheme + ":" + authority + removeDotSegments(merged) + tail
    }

    private static func withoutFragment(_ s: String) -> String {
        s.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(s[..<$0]) } ?? s
    }

    private struct Parts {
        var scheme: String?
        var authority: String?
        var path: String

        init?(_ raw: String) {
            var s = withoutFragment(raw.trimmingASCIIWhitespace())
            if let q = s.utf8.firstIndex(of: UInt8(ascii: "?")) { s = String(s[..<q]) }
            if URLResolver.hasScheme(s), let colon = s.utf8.firstIndex(of: UInt8(ascii: ":")) {
                scheme = String(s[..<colon])
                s = String(s[s.index(after: colon)...])
            }
            if s.hasPrefix("//") {
                let rest = s.dropFirst(2)
                let end = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
                authority = String(rest[..<end])
                s = String(rest[end...])
            }
            path = s
        }
    }

    /// A `.` or `..` segment somewhere (most paths have dots only in names: `post.html`).
    static func hasDotSegment(_ path: String) -> Bool {
        var copy = path
        return copy.withUTF8 { hasDotSegment($0) }
    }

    static func hasDotSegment(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in u.indices where u[i] == UInt8(ascii: ".") && (i == 0 || u[i - 1] == UInt8(ascii: "/")) {
            var j = i + 1
            if j < u.count, u[j] == UInt8(ascii: ".") { j += 1 }
            if j == u.count || u[j] == UInt8(ascii: "/") { return true }
        }
        return false
    }

    /// RFC 3986 §5.2.4, by Characters (see `resolveByCharacters`).
    static func removeDotSegments(_ path: String) -> String {
        guard hasDotSegment(path) else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let absolute = path.hasPrefix("/")
        for (index, segment) in segments.enumerated() {
            if index == 0 && absolute { continue }
            let last = index == segments.count - 1
            switch segment {
            case ".":
                if last { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if last { output.append("") }
            default:
                output.append(segment)
            }
        }
        return (absolute ? "/" : "") + output.joined(separator: "/")
    }
}
