import CLibXML2
import TidingsModel

/// windows-1252 as the WHATWG Encoding Standard decodes it, as a libxml2 input
/// encoding handler. iconv's WINDOWS-1252 rejects the five bytes the code page
/// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), and libxml2 then halts the
/// parser: everything after the first such byte was lost. Browsers map those
/// bytes to the C1 controls U+0081 etc.; so do we. Every other byte maps to one
/// code point, so the conversion can never fail. Used for every label that maps
/// to windows-1252 (`iso-8859-1`, `latin1`, `us-ascii`, … included).
enum Windows1252Decoder {
    static let iconvName = "WINDOWS-1252"

    /// Registered once under a private name, so libxml2 lookups of
    /// "WINDOWS-1252" by anyone else in the process still get iconv's handler.
    /// Registered handlers are never freed by libxml2 (`xmlCharEncCloseFunc`).
    nonisolated(unsafe) static let handler: xmlCharEncodingHandlerPtr? = {
        xmlNewCharEncodingHandler("TIDINGS-WHATWG-WINDOWS-1252", { out, outlen, input, inlen in
            guard let out, let outlen, let inlen else { return -1 }
            guard let input else { outlen.pointee = 0; inlen.pointee = 0; return 0 }
            let inCount = Int(inlen.pointee), outCount = Int(outlen.pointee)
            var i = 0, o = 0
            while i < inCount {
                // ASCII (most of any Latin-script feed: markup, URLs) eight bytes at a time.
                if i + 8 <= inCount, o + 8 <= outCount {
                    let word = UnsafeRawPointer(input + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        UnsafeMutableRawPointer(out + o).storeBytes(of: word, as: UInt64.self)
                        i += 8
                        o += 8
                        continue
                    }
                }
                let byte = input[i]
                if byte < 0x80 {
                    if o + 1 > outCount { break }
                    out[o] = byte
                    o += 1
                } else if byte >= 0xA0 {
                    // Latin-1: the code point is the byte, two UTF-8 bytes.
                    if o + 2 > outCount { break }
                    out[o] = 0xC0 | (byte >> 6)
                    out[o + 1] = 0x80 | (byte & 0x3F)
                    o += 2
                } else {
                    // 0x80–0x9F: the windows-1252 table (two or three UTF-8 bytes).
                    let scalar = UInt32(Windows1252Decoder.high[Int(byte - 0x80)])
                    let width = scalar < 0x800 ? 2 : 3
                    if o + width > outCount { break }
                    if width == 2 {
                        out[o] = UInt8(0xC0 | (scalar >> 6))
                        out[o + 1] = UInt8(0x80 | (scalar & 0x3F))
                    } else {
                        out[o] = UInt8(0xE0 | (scalar >> 12))
                        out[o + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                        out[o + 2] = UInt8(0x80 | (scalar & 0x3F))
                    }
                    o += width
                }
                i += 1
            }
            outlen.pointee = Int32(o)
            inlen.pointee = Int32(i)
            return Int32(o)
        }, nil)
    }()

    /// 0x80–0x9F (WHATWG index-windows-1252); 0xA0–0xFF are Latin-1.
    static let high = HTMLCharacterReferences.windows1252C1
}

enum Windows1252 {
    /// What bytes 0x80–0x9F mean in windows-1252 (nil: the five it leaves undefined).
    static let c1: [Unicode.Scalar?] = HTMLCharacterReferences.windows1252C1.map { $0 < 0xA0 ? nil : Unicode.Scalar($0) }
}
