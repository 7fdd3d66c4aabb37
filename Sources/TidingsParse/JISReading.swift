/// Six characters of Shift_JIS read as JIS X 0208 says, not as Windows does.
///
/// We decode Shift_JIS with iconv's CP932 (Windows-31J) because plain
/// `SHIFT_JIS` in iconv reads 0x5C as `¥` and 0x7E as `‾`, which breaks links
/// such as `/~user/`. But CP932 also maps six JIS X 0208 row-1 characters to
/// Microsoft's fullwidth look-alikes:
///
/// | bytes | JIS X 0208 (iconv SHIFT_JIS and EUC-JP, Python, Java, macOS) | CP932 |
/// |---|---|---|
/// | 81 60 | U+301C WAVE DASH 〜 | U+FF5E FULLWIDTH TILDE ～ |
/// | 81 61 | U+2016 DOUBLE VERTICAL LINE ‖ | U+2225 PARALLEL TO ∥ |
/// | 81 7C | U+2212 MINUS SIGN − | U+FF0D FULLWIDTH HYPHEN-MINUS － |
/// | 81 91 | U+00A2 CENT SIGN ¢ | U+FFE0 ￠ |
/// | 81 92 | U+00A3 POUND SIGN £ | U+FFE1 ￡ |
/// | 81 CA | U+00AC NOT SIGN ¬ | U+FFE2 ￢ |
///
/// Feeds encoded from Unicode by a JIS-standard encoder (most non-Windows
/// tooling, and the bench corpus) write 〜 as 81 60 and expect it back; our
/// EUC-JP and ISO-2022-JP decoding (iconv) already gives the JIS reading, so
/// this makes the Japanese encodings agree. Note that browsers do NOT do this:
/// the WHATWG index-jis0208 follows CP932 for these six pointers (32, 33, 60,
/// 80, 81, 137). We map the decoded text back, in text and in attribute values
/// (URLs included). The only other CP932 bytes with one of these results are
/// the IBM-extension duplicates of ￢ (EE F9, FA 54), which become ¬ too.
enum JISReading {
    /// True for the iconv name `EncodingLabel` gives every Shift_JIS label.
    static func applies(toForcedEncoding name: String?) -> Bool { name == "CP932" }

    /// Whether `bytes` (UTF-8) hold any of the six CP932 results.
    @inline(__always)
    static func needsFix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 2 < bytes.count {
            let b = bytes[i]
            if b == 0xEF || (b == 0xE2 && bytes[i + 1] == 0x88 && bytes[i + 2] == 0xA5) {
                if replacement(bytes[i], bytes[i + 1], bytes[i + 2]) != nil { return true }
            }
            i += 1
        }
        return false
    }

    /// `bytes` with the six characters replaced by their JIS X 0208 reading.
    static func fixed(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count, let r = replacement(bytes[i], bytes[i + 1], bytes[i + 2]) {
                out.append(contentsOf: r)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func replacement(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> [UInt8]? {
        switch (a, b, c) {
        case (0xEF, 0xBD, 0x9E): return [0xE3, 0x80, 0x9C] // U+FF5E → U+301C
        case (0xE2, 0x88, 0xA5): return [0xE2, 0x80, 0x96] // U+2225 → U+2016
        case (0xEF, 0xBC, 0x8D): return [0xE2, 0x88, 0x92] // U+FF0D → U+2212
        case (0xEF, 0xBF, 0xA0): return [0xC2, 0xA2]       // U+FFE0 → U+00A2
        case (0xEF, 0xBF, 0xA1): return [0xC2, 0xA3]       // U+FFE1 → U+00A3
        case (0xEF, 0xBF, 0xA2): return [0xC2, 0xAC]       // U+FFE2 → U+00AC
        default: return nil
        }
    }
}
