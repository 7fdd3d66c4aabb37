/// Content-Transfer-Encodings for body parts (RFC 2045 §6.7, §6.8).
///
/// Parts are UTF-8 text of any line length, and RFC 5322 caps lines at 998 bytes, so every
/// part is encoded: quoted-printable when the text is mostly ASCII (it stays readable to grep
/// and to humans), base64 when it is mostly non-ASCII (CJK text is 3 bytes per character,
/// which QP would triple again). Both produce lines of at most 76 characters with LF endings.
enum MIMEBody {
    enum Encoding: String {
        case quotedPrintable = "quoted-printable"
        case base64
    }

    /// QP when fewer than a fifth of the bytes are non-ASCII: at that ratio QP (3 characters per
    /// such byte) and base64 (4/3 per byte overall) come out about even.
    static func choose(for bytes: [UInt8]) -> Encoding {
        var high = 0
        for b in bytes where b >= 0x80 { high += 1 }
        return high * 5 > bytes.count ? .base64 : .quotedPrintable
    }

    static func encode(_ bytes: [UInt8], as encoding: Encoding, into out: inout [UInt8]) {
        switch encoding {
        case .quotedPrintable: quotedPrintable(bytes, into: &out)
        case .base64: Base64.encodeLines(bytes, into: &out)
        }
    }

    /// Quoted-printable with LF line breaks. Hard line breaks in the text stay line breaks;
    /// long lines get soft breaks (`=` LF) so no line passes 76 characters. Besides what RFC
    /// 2045 requires, `From ` at the start of a line is encoded so the message survives a
    /// later conversion to mbox.
    static func quotedPrintable(_ bytes: [UInt8], into out: inout [UInt8]) {
        let count = bytes.count
        guard count > 0 else { return }
        // Worst case: every byte escaped (3×) plus a soft break per 25 escapes.
        let capacity = count * 3 + count / 8 + 4
        let literalTable = qpLiteral
        let encoded = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = bytes.withUnsafeBufferPointer { input -> Int in
                literalTable.withUnsafeBufferPointer { literalTable -> Int in
                    var o = 0
                    var lineLength = 0
                    var i = 0
                    @inline(__always) func endsLine(_ i: Int) -> Bool {
                        i + 1 == count || input[i + 1] == 0x0A || (input[i + 1] == 0x0D && i + 2 < count && input[i + 2] == 0x0A)
                    }
                    while i < count {
                        let b = input[i]
                        if b == 0x0A {
                            buffer[o] = 0x0A; o += 1
                            lineLength = 0
                            i += 1
                            continue
                        }
                        if b == 0x0D && i + 1 < count && input[i + 1] == 0x0A { i += 1; continue }
                        var literal = literalTable[Int(b)]
                        // Trailing whitespace would be stripped in transit.
                        if literal && (b == 0x20 || b == 0x09) { literal = !endsLine(i) }
                        if literal && b == UInt8(ascii: "F") && lineLength == 0 && i + 4 < count
                            && input[i + 1] == UInt8(ascii: "r") && input[i + 2] == UInt8(ascii: "o")
                            && input[i + 3] == UInt8(ascii: "m") && input[i + 4] == 0x20 {
                            literal = false
                        }
                        let width = literal ? 1 : 3
                        // Keep room for the soft-break `=`; the last character of a line may use column 76.
                        if lineLength + width > 75 && lineLength + width > (endsLine(i) ? 76 : 75) {
                            buffer[o] = UInt8(ascii: "="); buffer[o + 1] = 0x0A; o += 2
                            lineLength = 0
                        }
                        if literal {
                            buffer[o] = b; o += 1
                        } else {
                            buffer[o] = UInt8(ascii: "=")
                            buffer[o + 1] = hexDigit(b >> 4)
                            buffer[o + 2] = hexDigit(b & 0x0F)
                            o += 3
                        }
                        lineLength += width
                        i += 1
                    }
                    return o
                }
            }
        }
        out.append(contentsOf: encoded)
    }

    /// Bytes QP may write as themselves: printable ASCII except `=`, plus space and tab
    /// (which are encoded only at the end of a line).
    private static let qpLiteral: [Bool] = (0..<256).map { b in
        (b >= 0x20 && b < 0x7F && b != 0x3D) || b == 0x09
    }
    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x37 + v }
}

/// Base64 (RFC 4648) without Foundation: Foundation's line-wrapping option writes CRLF and
/// goes through Data; here it is one pass straight into the message buffer.
enum Base64 {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        encode(bytes, lineLength: nil, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Body base64: 76-character lines, each ended by LF.
    static func encodeLines(_ bytes: [UInt8], into out: inout [UInt8]) {
        encode(bytes, lineLength: 76, into: &out)
        if !bytes.isEmpty { out.append(0x0A) }
    }

    private static func encode(_ bytes: [UInt8], lineLength: Int?, into out: inout [UInt8]) {
        let a = alphabet
        var column = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < count ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            if let lineLength, column == lineLength {
                out.append(0x0A)
                column = 0
            }
            out.append(a[Int(v >> 18 & 63)])
            out.append(a[Int(v >> 12 & 63)])
            out.append(i + 1 < count ? a[Int(v >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < count ? a[Int(v & 63)] : UInt8(ascii: "="))
            column += 4
            i += 3
        }
    }
}
