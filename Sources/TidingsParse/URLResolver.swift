import TidingsModel

/// RFC 3986 §5 reference resolution on strings. Foundation's `URL` rejects the
/// IRIs feeds contain (raw non-ASCII, spaces) and is slow per item; feeds need
/// only resolution, not validation.
///
/// Resolution works on the UTF-8 bytes of the reference and the base and writes the
/// result once, into a `String` of its final size. Delimiters are the ASCII bytes
/// RFC 3986 names, wherever they stand: a combining mark after a `/` does not hide
/// it (the String-based resolver this replaced split by `Character` and did).
enum URLResolver {
    /// `reference` made absolute against `base`; trimmed; `nil` when empty
    /// (an empty `<link/>` in a feed means "no link", not "this document").
    /// Without a usable base a relative reference is returned as written.
    /// The same on captured bytes: an absolute reference with nothing to trim
    /// (most links) becomes its `String` directly.
    static func resolve(_ reference: UnsafeBufferPointer<UInt8>, against base: String?) -> String? {
        if let first = reference.first, first > 0x20, let last = reference.last, last > 0x20, URIScheme.isPresent(reference) {
            return String(decoding: reference, as: UTF8.self)
        }
        return resolve(bytes: reference, against: base, written: nil)
    }

    static func resolve(_ reference: String, against base: String?) -> String? {
        reference.withUTF8Bytes { resolve(bytes: $0, against: base, written: reference) }
    }

    /// `written` is `whole` as a String when the caller has one (returned as is when
    /// nothing is trimmed). Invalid UTF-8 in `whole` comes out repaired, as when it is
    /// decoded first: every cut is at an ASCII byte.
    private static func resolve(bytes whole: UnsafeBufferPointer<UInt8>, against base: String?, written: String?) -> String? {
        let trimmed = ASCII.trimmedRange(whole, ASCII.isWhitespace)
        if trimmed.isEmpty { return nil }
        let ref = UnsafeBufferPointer(rebasing: whole[trimmed])
        func asWritten() -> String {
            if let written, trimmed == whole.indices { return written }
            return String(decoding: ref, as: UTF8.self)
        }
        guard let base, !URIScheme.isPresent(ref) else { return asWritten() }
        return base.withUTF8Bytes { resolve(ref, against: $0) } ?? asWritten()
    }

    /// RFC 3986 §5.2.2–5.2.3 for a trimmed, non-empty reference without a scheme;
    /// nil when the base has no scheme (the reference then stays as written).
    private static func resolve(_ ref: UnsafeBufferPointer<UInt8>, against b: UnsafeBufferPointer<UInt8>) -> String? {
        let slash = UInt8(ascii: "/"), hash = UInt8(ascii: "#"), question = UInt8(ascii: "?")
        // The base's scheme, authority and path: trimmed, up to its query or fragment
        // (a `?` or `#` ends the scheme too, so the scheme is looked for in the whole).
        let trimmed = ASCII.trimmedRange(b, ASCII.isWhitespace)
        let baseStart = trimmed.lowerBound, baseEnd = trimmed.upperBound
        guard let colon = URIScheme.colonIndex(UnsafeBufferPointer(rebasing: b[trimmed])).map({ baseStart + $0 }) else {
            return nil
        }
        let scheme = baseStart..<colon
        var pathStart = colon + 1
        var authority: Range<Int>?
        if baseEnd - pathStart >= 2, b[pathStart] == slash, b[pathStart + 1] == slash {
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
        let none = ref[0..<0]
        if r0 == slash, ref.count > 1, ref[1] == slash {
            // Scheme-relative: `//host/path`.
            return assemble(scheme: b[scheme], authority: nil, none, none, ref[...])
        }
        if r0 == hash {
            // The base as written, up to its own fragment.
            var h = 0
            while h < b.count, b[h] != hash { h += 1 }
            return assemble(scheme: nil, authority: nil, b[0..<h], none, ref[...])
        }
        let authorityPart = authority.map { b[$0] }
        if r0 == question {
            return assemble(scheme: b[scheme], authority: authorityPart, b[path], none, ref[...])
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
                directory = b[path.lowerBound...last]
            }
        }
        let dots = hasDotSegment(UnsafeBufferPointer(rebasing: directory)) || hasDotSegment(UnsafeBufferPointer(rebasing: refPath))
        return assemble(scheme: b[scheme], authority: authorityPart, rootSlash: rootSlash,
                        directory, refPath, removingDots: dots, ref[tailStart...])
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

    /// RFC 3986 §5.2.4 in place on `out[start..<end]` (UTF-8: a `/` byte is never
    /// part of another character); returns the new end. The output never outruns the input, so each
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

    /// A `.` or `..` segment somewhere (most paths have dots only in names: `post.html`).
    static func hasDotSegment(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in u.indices where u[i] == UInt8(ascii: ".") && (i == 0 || u[i - 1] == UInt8(ascii: "/")) {
            var j = i + 1
            if j < u.count, u[j] == UInt8(ascii: ".") { j += 1 }
            if j == u.count || u[j] == UInt8(ascii: "/") { return true }
        }
        return false
    }

    /// RFC 3986 §5.2.4 on a whole path.
    static func removeDotSegments(_ path: String) -> String {
        var bytes = Array(path.utf8)
        let end = bytes.withUnsafeMutableBufferPointer { removeDotSegments(in: $0, from: 0, to: $0.count) }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}
