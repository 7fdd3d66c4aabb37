/// RFC 3986 §5 reference resolution on strings. Foundation's `URL` rejects the
/// IRIs feeds contain (raw non-ASCII, spaces) and is slow per item; feeds need
/// only resolution, not validation.
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
        return resolve(String(decoding: reference, as: UTF8.self), against: base)
    }

    static func resolve(_ reference: String, against base: String?) -> String? {
        let ref = reference.trimmingASCIIWhitespace()
        if ref.isEmpty { return nil }
        if hasScheme(ref) { return ref }
        guard let base, let b = Parts(base), b.scheme != nil else { return ref }
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

    static func hasScheme(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { hasScheme($0) }
    }

    static func hasScheme(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var first = true
        for b in s {
            if b == UInt8(ascii: ":") { return !first }
            let alpha = (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
            let digit = b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
            if first ? !alpha : !(alpha || digit || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")) {
                return false
            }
            first = false
        }
        return false
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
        let u = Array(path.utf8)
        for (i, b) in u.enumerated() where b == UInt8(ascii: ".") && (i == 0 || u[i - 1] == UInt8(ascii: "/")) {
            var j = i + 1
            if j < u.count, u[j] == UInt8(ascii: ".") { j += 1 }
            if j == u.count || u[j] == UInt8(ascii: "/") { return true }
        }
        return false
    }

    /// RFC 3986 §5.2.4.
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
