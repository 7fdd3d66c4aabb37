/// UTF-8 validity (Unicode 15 §3.9, Table 3-7: no overlongs, no surrogates,
/// nothing above U+10FFFF), eight ASCII bytes per step. Used where bytes did
/// not come through libxml2's own check (see `UTF8Text`) and to repair them.
public enum UTF8Validation {
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(isValid)
    }

    public static func isValid(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let count = buffer.count
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            if i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if base[i] < 0x80 { i += 1; continue }
            let length = sequenceLength(buffer, at: i)
            if length == 0 { return false }
            i += length
        }
        return true
    }

    /// Length of the valid UTF-8 sequence that starts at `i`; 0 when the bytes
    /// there are not one.
    public static func sequenceLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = s[i]
        if b0 < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF // range of the second byte
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard i + length <= s.count, s[i + 1] >= low, s[i + 1] <= high else { return 0 }
        for k in 2..<max(2, length) where s[i + k] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
