import TidingsModel

/// Reads the bytes of a "UTF-8" document that are not UTF-8 as windows-1252.
///
/// Feeds declared (or served) as UTF-8 often carry stray bytes pasted from
/// another encoding: `It\x92s`, `\x93quoted\x94`. libxml2 recovers from the
/// first one by switching to Latin-1 for the rest of the document but copies
/// the bytes through unconverted, and drops markup around them (`&lt;p&gt;`
/// loses its brackets); feedparser re-reads the whole document as
/// windows-1252, which garbles every correct character. A careful reader keeps
/// the valid UTF-8 and reads each bad byte as the windows-1252 character it
/// almost always is. The five bytes windows-1252 leaves undefined become U+FFFD.
enum UTF8Repair {
    /// The repaired document and the 1-based line of the first bad byte, or
    /// `nil` when the bytes are valid UTF-8.
    static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], firstLine: Int)? {
        bytes.withUnsafeBufferPointer { input -> ([UInt8], Int)? in
            guard !UTF8Validation.isValid(input) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(input.count + 64)
            var firstBad = -1
            var i = 0
            while i < input.count {
                let length = UTF8Validation.sequenceLength(input, at: i)
                if length > 0 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<(i + length)]))
                    i += length
                    continue
                }
                if firstBad < 0 { firstBad = i }
                appendWindows1252(input[i], to: &out)
                i += 1
            }
            var line = 1
            for k in 0..<firstBad where input[k] == 0x0A { line += 1 }
            return (out, line)
        }
    }

    private static func appendWindows1252(_ byte: UInt8, to out: inout [UInt8]) {
        var scalar = UInt32(byte)
        if byte < 0xA0 {
            scalar = UInt32(Windows1252Decoder.high[Int(byte - 0x80)])
            // Undefined in windows-1252 (mapped to C1 controls by WHATWG): no character was meant.
            if scalar < 0xA0 { scalar = 0xFFFD }
        }
        out.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8)
    }
}
