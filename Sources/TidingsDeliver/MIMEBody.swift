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
        let high = bytes.withUnsafeBytes { raw -> Int in
            // Eight bytes at a time: count the set top bits.
            var high = 0
            var i = 0
            while i + 8 <= raw.count {
                high += (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
            while i < raw.count {
                high += Int(raw[i] >> 7)
                i += 1
            }
            return high
        }
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
        let encoded = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = bytes.withUnsafeBufferPointer { input in
                qpLiteral.withUnsafeBufferPointer { plain in
                    quotedPrintable(input, plain: plain, into: buffer.baseAddress!)
                }
            }
        }
        out.append(contentsOf: encoded)
    }

    /// The encoder proper; returns the number of bytes written to `output`.
    private static func quotedPrintable(_ input: UnsafeBufferPointer<UInt8>, plain: UnsafeBufferPointer<Bool>,
                                        into output: UnsafeMutablePointer<UInt8>) -> Int {
        let count = input.count
        var o = 0
        var lineLength = 0
        var i = 0
        @inline(__always) func endsLine(_ i: Int) -> Bool {
            i + 1 == count || input[i + 1] == 0x0A || (input[i + 1] == 0x0D && i + 2 < count && input[i + 2] == 0x0A)
        }
        @inline(__always) func softBreak() {
            output[o] = UInt8(ascii: "="); output[o + 1] = 0x0A; o += 2
            lineLength = 0
        }
        while i < count {
            // Most text is runs of bytes written as themselves: copy a run in one go, up to the
            // 75 columns that leave room for a soft break.
            let first = input[i]
            if plain[Int(first)] ? !(lineLength == 0 && first == UInt8(ascii: "F")) : (first == 0x20 || first == 0x09) && !endsLine(i) {
                // Spaces and tabs join the run unless they end a line (then they are encoded).
                var end = i + 1
                while end < count {
                    let c = input[end]
                    if plain[Int(c)] || ((c == 0x20 || c == 0x09) && !endsLine(end)) { end += 1 } else { break }
                }
                while i < end {
                    if lineLength >= 75 {
                        // Column 76 is allowed for the line's last character only.
                        if lineLength == 75 && i + 1 == end && endsLine(i) {
                            output[o] = input[i]; o += 1; lineLength += 1; i += 1
                            break
                        }
                        // As on the byte-by-byte path, the `From ` check was made before this
                        // break (at column 75), so an `F` carried to the new line stays literal.
                        softBreak()
                    }
                    let n = min(end - i, 75 - lineLength)
                    (output + o).update(from: input.baseAddress! + i, count: n)
                    o += n; i += n; lineLength += n
                }
                continue
            }
            let b = input[i]
            if b == 0x0A {
                output[o] = 0x0A; o += 1
                lineLength = 0
                i += 1
                continue
            }
            if b == 0x0D && i + 1 < count && input[i + 1] == 0x0A { i += 1; continue }
            var literal = qpPrintable(b)
            // Trailing whitespace would be stripped in transit.
            if literal && (b == 0x20 || b == 0x09) { literal = !endsLine(i) }
            if literal && b == UInt8(ascii: "F") && lineLength == 0 && i + 4 < count
                && input[i + 1] == UInt8(ascii: "r") && input[i + 2] == UInt8(ascii: "o")
                && input[i + 3] == UInt8(ascii: "m") && input[i + 4] == 0x20 {
                literal = false
            }
            let width = literal ? 1 : 3
            // Keep room for the soft-break `=`; the last character of a line may use column 76.
            if lineLength + width > 75 && lineLength + width > (endsLine(i) ? 76 : 75) { softBreak() }
            if literal {
                output[o] = b; o += 1
            } else {
                output[o] = UInt8(ascii: "=")
                output[o + 1] = hexDigit(b >> 4)
                output[o + 2] = hexDigit(b & 0x0F)
                o += 3
            }
            lineLength += width
            i += 1
        }
        return o
    }

    @inline(__always) private static func qpPrintable(_ b: UInt8) -> Bool {
        (b >= 0x20 && b < 0x7F && b != 0x3D) || b == 0x09
    }

    /// Bytes copied in bulk: printable ASCII except `=` and space (space and tab are literal
    /// except at the end of a line, which the run loop checks).
    private static let qpLiteral: [Bool] = (0..<256).map { b in
        b > 0x20 && b < 0x7F && b != 0x3D
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
        bytes.withUnsafeBufferPointer { encode($0, lineLength: nil, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Body base64: 76-character lines, each ended by LF.
    static func encodeLines(_ bytes: [UInt8], into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { encode($0, lineLength: 76, into: &out) }
        if !bytes.isEmpty { out.append(0x0A) }
    }

    static func encode(_ bytes: UnsafeBufferPointer<UInt8>, lineLength: Int?, into out: inout [UInt8]) {
        let count = bytes.count
        guard count > 0 else { return }
        let groups = (count + 2) / 3
        let outputCount = groups * 4 + (lineLength.map { (groups * 4 - 1) / $0 } ?? 0)
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: outputCount))
        alphabet.withUnsafeBufferPointer { a in
            out.withUnsafeMutableBufferPointer { buffer in
                var o = start
                var column = 0
                var i = 0
                while i < count {
                    let b0 = UInt32(bytes[i])
                    let b1 = i + 1 < count ? UInt32(bytes[i + 1]) : 0
                    let b2 = i + 2 < count ? UInt32(bytes[i + 2]) : 0
                    let v = b0 << 16 | b1 << 8 | b2
                    if let lineLength, column == lineLength {
                        buffer[o] = 0x0A; o += 1
                        column = 0
                    }
                    buffer[o] = a[Int(v >> 18 & 63)]
                    buffer[o + 1] = a[Int(v >> 12 & 63)]
                    buffer[o + 2] = i + 1 < count ? a[Int(v >> 6 & 63)] : UInt8(ascii: "=")
                    buffer[o + 3] = i + 2 < count ? a[Int(v & 63)] : UInt8(ascii: "=")
                    o += 4
                    column += 4
                    i += 3
                }
            }
        }
    }
}
