import Testing
@testable import TidingsParse
import TidingsModel

/// Reference resolution pinned down case by case (RFC 3986 §5.4 against the RFC's own
/// base, and what feeds add), and against a copy of the first string-based resolver over
/// generated references, so a faster resolver provably gives the same results.
@Suite struct URLResolutionTests {
    static let rfcBase = "http://a/b/c/d;p?q"

    /// RFC 3986 §5.4.1, except that an empty reference is "no link" (`nil`), not the base.
    static let normal: [(String, String?)] = [
        ("g:h", "g:h"),
        ("g", "http://a/b/c/g"),
        ("./g", "http://a/b/c/g"),
        ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"),
        ("//g", "http://g"),
        ("?y", "http://a/b/c/d;p?y"),
        ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"),
        ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"),
        ("g;x", "http://a/b/c/g;x"),
        ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", nil),
        (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"),
        ("..", "http://a/b/"),
        ("../", "http://a/b/"),
        ("../g", "http://a/b/g"),
        ("../..", "http://a/"),
        ("../../", "http://a/"),
        ("../../g", "http://a/g"),
    ]

    /// RFC 3986 §5.4.2 (strict parser: `http:g` has a scheme, so it stands as written).
    static let abnormal: [(String, String?)] = [
        ("../../../g", "http://a/g"),
        ("../../../../g", "http://a/g"),
        ("/./g", "http://a/g"),
        ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."),
        (".g", "http://a/b/c/.g"),
        ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"),
        ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"),
        ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"),
        ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g?y/../x", "http://a/b/c/g?y/../x"),
        ("g#s/./x", "http://a/b/c/g#s/./x"),
        ("g#s/../x", "http://a/b/c/g#s/../x"),
        ("http:g", "http:g"),
    ]

    @Test(arguments: normal + abnormal)
    func rfc3986Examples(_ reference: String, _ expected: String?) {
        #expect(URLResolver.resolve(reference, against: Self.rfcBase) == expected)
        #expect(Self.resolveBytes(reference, against: Self.rfcBase) == expected)
    }

    /// Feeds' whitespace around a link (ASCII space, tab, CR, LF, form feed) goes; other
    /// bytes stay.
    static let trimming: [(String, String?, String?)] = [
        ("  g  ", rfcBase, "http://a/b/c/g"),
        ("\n\t http://x.example/p \r\n", rfcBase, "http://x.example/p"),
        ("\u{0C}#s\u{0C}", rfcBase, "http://a/b/c/d;p?q#s"),
        (" \t\r\n ", rfcBase, nil),
        (" g ", nil, "g"),
        ("\u{0B}g", rfcBase, "http://a/b/c/\u{0B}g"),
        ("\u{A0}g", rfcBase, "http://a/b/c/\u{A0}g"),
        ("g", "  http://a/b/c/d  ", "http://a/b/c/g"),
        ("#s", " http://a/b?q#f ", " http://a/b?q#s"),
        ("g", "http://a/b /c#x", "http://a/b /g"),
    ]

    /// Bases feeds actually give: without a path, without a scheme, with a fragment,
    /// with no authority, with a query only.
    static let bases: [(String, String?, String?)] = [
        ("g", "http://a", "http://a/g"),
        ("../g", "http://a", "http://a/g"),
        ("?y", "http://a", "http://a?y"),
        ("#s", "http://a", "http://a#s"),
        ("//g/h", "https://a/b", "https://g/h"),
        ("g", "http://a?q", "http://a/g"),
        ("g", "http://a#f", "http://a/g"),
        ("g", "http://a/b/c#f", "http://a/b/g"),
        ("#s", "http://a/b/c#f", "http://a/b/c#s"),
        ("g", "/relative/base", "g"),
        ("g", "//host/only", "g"),
        ("g", "", "g"),
        ("g", "mailto:someone", "mailto:g"),
        ("../g", "urn:a:b", "urn:g"),
        ("g", "urn:a/b/c", "urn:a/b/g"),
        ("/g", "urn:a/b/c", "urn:/g"),
        ("?y", "urn:a/b?q", "urn:a/b?y"),
        ("//g", "urn:a", "urn://g"),
        ("g", "http:/a/b", "http:/a/g"),
        ("g", "http:///a/b", "http:///a/g"),
        ("g", "HTTP://A/B/C", "HTTP://A/B/g"),
        ("g", "http://a/b/c/", "http://a/b/c/g"),
        ("", "http://a/b/c/", nil),
        ("a//b/../c", "http://a/", "http://a/a//c"),
        ("a/b/../../..", "http://a/x/", "http://a/"),
        ("./", "http://a/", "http://a/"),
        ("x/.", "http://a/", "http://a/x/"),
        ("..//x", "http://a/b/", "http://a//x"),
        ("g?a#b?c", "http://a/b/c", "http://a/b/g?a#b?c"),
        ("g#a?b", "http://a/b/c", "http://a/b/g#a?b"),
        ("1g:h", "http://a/b/c", "http://a/b/1g:h"),
        (":g", "http://a/b/c", "http://a/b/:g"),
        ("g+.-:h", "http://a/b/c", "g+.-:h"),
        ("日本/ページ", "http://example.jp/a/", "http://example.jp/a/日本/ページ"),
        ("../日本", "http://例え.jp/a/b", "http://例え.jp/日本"),
        ("g", "http://例え.jp/ä/b", "http://例え.jp/ä/g"),
    ]

    @Test(arguments: trimming + bases)
    func feedCases(_ reference: String, _ base: String?, _ expected: String?) {
        #expect(URLResolver.resolve(reference, against: base) == expected)
        #expect(Self.resolveBytes(reference, against: base) == expected)
    }

    /// Invalid UTF-8 in captured bytes is repaired, as decoding it first would.
    @Test func invalidUTF8InCapturedBytes() {
        let bytes: [UInt8] = Array("g".utf8) + [0xFF, 0x2F, 0x2E, 0x2E, 0x2F, 0x68]
        let expected = LegacyURLResolver.resolve(String(decoding: bytes, as: UTF8.self), against: Self.rfcBase)
        #expect(expected == "http://a/b/c/h")
        #expect(bytes.withUnsafeBufferPointer { URLResolver.resolve($0, against: Self.rfcBase) } == expected)
        let g = UInt8(ascii: "g"), slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), hash = UInt8(ascii: "#")
        for bytes: [UInt8] in [[g, 0xFF, g], [g, 0xC3], [0xE6, 0x97], [slash, 0xFF], [hash, 0xFF], [dot, dot, slash, 0xC3, slash, g],
                               [0x20, 0xFF, 0x20], [g, hash, 0xFF], [slash, slash, 0xFF], [slash, slash, g, 0xFF]] {
            for base in [Self.rfcBase, "http://a", "urn:x", "nope"] {
                let expected = LegacyURLResolver.resolve(String(decoding: bytes, as: UTF8.self), against: base)
                #expect(bytes.withUnsafeBufferPointer { URLResolver.resolve($0, against: base) } == expected, "\(bytes) \(base)")
            }
        }
        let absolute: [UInt8] = Array("http://x/".utf8) + [0xC3]
        #expect(absolute.withUnsafeBufferPointer { URLResolver.resolve($0, against: nil) } == "http://x/\u{FFFD}")
    }

    /// RFC 3986 §3.1: a letter, then letters, digits, `+`, `-`, `.`, then `:`; every byte.
    @Test func schemeBytes() {
        func isLetter(_ b: UInt8) -> Bool { (65...90).contains(b) || (97...122).contains(b) }
        for b in UInt8.min...UInt8.max {
            #expect(URIScheme.isPresent(String(decoding: [b, 0x3A], as: UTF8.self)) == isLetter(b), "\(b)")
            let later = isLetter(b) || (48...57).contains(b) || b == 0x2B || b == 0x2D || b == 0x2E || b == 0x3A
            #expect([0x61, b, 0x3A].withUnsafeBufferPointer { URIScheme.isPresent($0) } == later, "\(b)")
        }
        for s in ["", ":", "a", "a:", "ab", "A1+-.:x", "1a:", "a b:", "a/b:c", "a?:", "a#:"] {
            #expect(URIScheme.isPresent(s) == LegacyScheme.hasScheme(s), "\(s)")
        }
    }

    @Test func dotSegmentsOnTheirOwn() {
        for (path, expected) in [("/a/b/c/./../../g", "/a/g"), ("mid/content=5/../6", "mid/6"),
                                 ("/..", "/"), ("..", ""), ("/a/.", "/a/"), ("a.b/c..d", "a.b/c..d")] {
            #expect(URLResolver.removeDotSegments(path) == expected)
        }
    }

    // MARK: - Against the first resolver

    /// Pieces references are generated from: path syntax, the query/fragment separators,
    /// whitespace, scheme-like prefixes and non-ASCII. Not combining marks: the first
    /// resolver split by `Character`, so a mark after a `/` hid it (see `delimitersAreBytes`).
    static let pieces = ["", "g", "/", "//", ".", "..", "./", "../", "?", "#", "y", ";x=1", " ", "\t",
                         "\n", ":", "g:", "h1+", "%2F", "日", "é", "~"]
    static let fuzzBases: [String?] = [
        nil, "", "http://a/b/c/d;p?q", "http://a", "http://a/", "https://a/b/c/", " http://a/b/c#f ",
        "http://a?q#f", "urn:a:b", "urn:a/b/c", "mailto:x", "/no/scheme", "//h/p", "http:/a/b/",
        "http://例え.jp/ä/b", "http://a/./b/../c/d", "http://a//b//c", "x://a/b/.",
    ]

    /// RFC 3986 delimiters are ASCII bytes; a combining mark after one does not make it
    /// part of something else (the String-based resolver, splitting by Character, said it did).
    @Test(arguments: [
        ("./\u{301}x", "http://a/b/c", "http://a/b/\u{301}x"),
        ("../\u{301}", "http://a/b/c/d", "http://a/b/\u{301}"),
        ("#\u{301}", "http://a/b?q#f", "http://a/b?q#\u{301}"),
        ("?\u{301}", "http://a/b?q#f", "http://a/b?\u{301}"),
        ("//\u{301}h/p", "http://a/b", "http://\u{301}h/p"),
        ("g", "http://a/b/\u{301}c", "http://a/b/g"),
        ("\u{600}/g", "http://a/b/c", "http://a/b/\u{600}/g"),
    ])
    func delimitersAreBytes(_ reference: String, _ base: String, _ expected: String) {
        #expect(URLResolver.resolve(reference, against: base) == expected)
        #expect(Self.resolveBytes(reference, against: base) == expected)
    }

    @Test func sameResultsAsTheFirstResolver() {
        var rng = SplitMix(seed: 0x5EED)
        var compared = 0
        for base in Self.fuzzBases {
            for _ in 0..<1500 {
                var reference = ""
                for _ in 0..<Int(rng.next() % 7) {
                    reference += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]
                }
                let expected = LegacyURLResolver.resolve(reference, against: base)
                let viaString = URLResolver.resolve(reference, against: base)
                let viaBytes = Self.resolveBytes(reference, against: base)
                #expect(viaString == expected, "\(reference.debugDescription) against \(base.debugDescription)")
                #expect(viaBytes == expected, "\(reference.debugDescription) against \(base.debugDescription) (bytes)")
                compared += 1
            }
        }
        #expect(compared == Self.fuzzBases.count * 1500)
    }

    static func resolveBytes(_ reference: String, against base: String?) -> String? {
        Array(reference.utf8).withUnsafeBufferPointer { URLResolver.resolve($0, against: base) }
    }
}

private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private enum LegacyScheme {
    static func hasScheme(_ s: String) -> Bool {
        var first = true
        for b in s.utf8 {
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
}

/// The string-based resolver as it was before it worked on bytes: the oracle the
/// generated cases are checked against.
private enum LegacyURLResolver {
    static func resolve(_ reference: String, against base: String?) -> String? {
        let ref = reference.trimmingASCIIWhitespace()
        if ref.isEmpty { return nil }
        if LegacyScheme.hasScheme(ref) { return ref }
        guard let base, let b = Parts(base), b.scheme != nil else { return ref }
        let scheme = b.scheme!
        if ref.hasPrefix("//") { return scheme + ":" + ref }
        if ref.hasPrefix("#") { return withoutFragment(base) + ref }
        let authority = b.authority.map { "//" + $0 } ?? ""
        if ref.hasPrefix("?") { return scheme + ":" + authority + b.path + ref }
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

    static func withoutFragment(_ s: String) -> String {
        s.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(s[..<$0]) } ?? s
    }

    struct Parts {
        var scheme: String?
        var authority: String?
        var path: String

        init?(_ raw: String) {
            var s = withoutFragment(raw.trimmingASCIIWhitespace())
            if let q = s.utf8.firstIndex(of: UInt8(ascii: "?")) { s = String(s[..<q]) }
            if LegacyScheme.hasScheme(s), let colon = s.utf8.firstIndex(of: UInt8(ascii: ":")) {
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

    static func hasDotSegment(_ path: String) -> Bool {
        let u = Array(path.utf8)
        for (i, b) in u.enumerated() where b == UInt8(ascii: ".") && (i == 0 || u[i - 1] == UInt8(ascii: "/")) {
            var j = i + 1
            if j < u.count, u[j] == UInt8(ascii: ".") { j += 1 }
            if j == u.count || u[j] == UInt8(ascii: "/") { return true }
        }
        return false
    }

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
