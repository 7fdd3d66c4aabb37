import Glibc

/// Escapes bare ampersands (`AT&T`, `?a=1&b=2`) before libxml2 sees them.
///
/// A bare `&` is the most common well-formedness error in feeds. libxml2's
/// recovery drops the `&` and the name after it (`AT&T` → `ATT`, `?a=1&b=2` →
/// `?a=1=2`), which breaks titles and links; browsers and feedparser read it as
/// text. Anything that looks like a reference (`&name;`, `&#12;`, `&#x1F;`) is
/// left alone, and so are CDATA sections and comments, where `&` is legal.
/// Only for ASCII-compatible encodings: `&` is never a trail byte in UTF-8,
/// GB18030, Shift_JIS, Big5 or EUC-*.
enum AmpersandRepair {
    /// The repaired bytes and the 1-based line of the first repair, or `nil` when
    /// the document has no bare ampersand (the common case: no copy is made).
    static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], firstLine: Int)? {
        bytes.withUnsafeBufferPointer { buffer -> ([UInt8], Int)? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var regions = SkippedRegions(base: base, count: count)
            var out: [UInt8] = []
            var copied = 0
            var firstBare = -1
            var position = 0
            while position < count,
                  let hit = memchr(base + position, Int32(UInt8(ascii: "&")), count - position) {
                let p = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                position = p + 1
                if isReference(buffer, at: p) || regions.contains(p) { continue }
                if firstBare < 0 {
                    firstBare = p
                    out.reserveCapacity(count + 64)
                }
                out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: p + 1 - copied))
                out.append(contentsOf: "amp;".utf8)
                copied = p + 1
            }
            guard firstBare >= 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: count - copied))
            var line = 1
            for i in 0..<firstBare where base[i] == 0x0A { line += 1 }
            return (out, line)
        }
    }

    private static func isReference(_ s: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
        var i = p + 1
        guard i < s.count else { return false }
        if s[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < s.count && (s[i] == UInt8(ascii: "x") || s[i] == UInt8(ascii: "X"))
            if hex { i += 1 }
            let start = i
            while i < s.count, ASCII.isDigit(s[i]) || (hex && isHexLetter(s[i])) { i += 1 }
            return i > start && i < s.count && s[i] == UInt8(ascii: ";")
        }
        guard isNameStart(s[i]) else { return false }
        let limit = min(s.count, p + 64)
        while i < limit, isNameStart(s[i]) || ASCII.isDigit(s[i]) || s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: ".") { i += 1 }
        return i < s.count && s[i] == UInt8(ascii: ";")
    }

    private static func isHexLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 }
    private static func isNameStart(_ b: UInt8) -> Bool {
        ASCII.isLetter(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
    }

    /// CDATA sections and comments, found lazily in document order.
    private struct SkippedRegions {
        let base: UnsafePointer<UInt8>
        let count: Int
        var scanned = 0
        var current: Range<Int>?

        init(base: UnsafePointer<UInt8>, count: Int) {
            self.base = base
            self.count = count
        }

        /// Positions are asked for in increasing order.
        mutating func contains(_ p: Int) -> Bool {
            while true {
                if let current {
                    if p < current.upperBound { return p >= current.lowerBound }
                    self.current = nil
                }
                guard scanned < p, let open = find("<!", from: scanned, before: p) else {
                    scanned = max(scanned, p)
                    return false
                }
                let (closer, skip): (StaticString, Int)
                if starts(with: "<![CDATA[", at: open) { (closer, skip) = ("]]>", 9) }
                else if starts(with: "<!--", at: open) { (closer, skip) = ("-->", 4) }
                else { scanned = open + 2; continue }
                let end = find(closer, from: open + skip, before: count).map { $0 + 3 } ?? count
                current = open..<end
                scanned = end
            }
        }

        private func starts(with literal: StaticString, at i: Int) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard i + n <= count else { return false }
            return memcmp(base + i, literal.utf8Start, n) == 0
        }

        private func find(_ literal: StaticString, from: Int, before limit: Int) -> Int? {
            // memmem is a GNU extension Glibc's Swift overlay does not export.
            var i = from
            while i < limit, let hit = memchr(base + i, Int32(literal.utf8Start.pointee), limit - i) {
                let p = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                if starts(with: literal, at: p) { return p }
                i = p + 1
            }
            return nil
        }
    }
}
