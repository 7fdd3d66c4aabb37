/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x1F600;`) in text and attribute values.
///
/// The table holds the entities feeds actually use: the HTML 4 set (Latin-1, symbols,
/// typography) plus `&apos;`. An unknown name is left as written, which is what browsers do
/// for names outside their table.
enum HTMLEntities {
    /// Appends `bytes` to `out` with character references decoded.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let end = bytes.count
        while i < end {
            // Copy the run up to the next `&` in one go.
            var j = i
            while j < end && bytes[j] != UInt8(ascii: "&") { j += 1 }
            if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
            guard j < end else { return }
            if let (scalar, next) = reference(in: bytes, at: j) {
                appendUTF8(scalar, to: &out)
                i = next
            } else {
                out.append(UInt8(ascii: "&"))
                i = j + 1
            }
        }
    }

    @inline(__always) static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case ..<0x80:
            out.append(UInt8(v))
        case ..<0x800:
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// The character a reference at `start` (an `&`) stands for, and the index after it.
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        let end = bytes.count
        var i = start + 1
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var value: UInt32 = 0
            var digits = 0
            let hex = i < end && (bytes[i] | 0x20) == UInt8(ascii: "x")
            if hex { i += 1 }
            while i < end, digits < 8 {
                let c = bytes[i]
                let digit: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - 48)
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(c - 87)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(c - 55)
                default: digit = 99
                }
                if digit == 99 { break }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if i < end && bytes[i] == UInt8(ascii: ";") { i += 1 }
            // NUL, surrogates and out-of-range values become U+FFFD, as in HTML5;
            // 0x80–0x9F are the Windows-1252 characters that CMSs mislabel.
            if value >= 0x80 && value <= 0x9F, let mapped = windows1252[value] { return (mapped, i) }
            if value == 0 { return ("\u{FFFD}", i) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", i)
        }
        let nameStart = i
        while i < end, i - nameStart < 10, HTMLTokenizer.isASCIILetter(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) {
            i += 1
        }
        guard i > nameStart else { return nil }
        // Names are at most 10 ASCII bytes: a small String, no allocation.
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
        guard let scalar = named[name] else { return nil }
        if i < end && bytes[i] == UInt8(ascii: ";") { i += 1 }
        return (scalar, i)
    }

    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}",
        0x86: "\u{2020}", 0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}",
        0x8B: "\u{2039}", 0x8C: "\u{0152}", 0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}",
        0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
        0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}", 0x9C: "\u{0153}",
        0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    /// HTML 4 Latin-1 entity names, in code point order from U+00A0.
    private static let latin1Names = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn \
        sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave \
        Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
        ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN \
        szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute \
        icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml \
        yacute thorn yuml
        """

    static let named: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
            "AMP": "&", "LT": "<", "GT": ">", "QUOT": "\"",
            "OElig": "\u{152}", "oelig": "\u{153}", "Scaron": "\u{160}", "scaron": "\u{161}",
            "Yuml": "\u{178}", "fnof": "\u{192}", "circ": "\u{2C6}", "tilde": "\u{2DC}",
            "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}",
            "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}", "ndash": "\u{2013}",
            "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}",
            "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}", "dagger": "\u{2020}",
            "Dagger": "\u{2021}", "bull": "\u{2022}", "hellip": "\u{2026}", "permil": "\u{2030}",
            "prime": "\u{2032}", "Prime": "\u{2033}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}",
            "oline": "\u{203E}", "frasl": "\u{2044}", "euro": "\u{20AC}", "trade": "\u{2122}",
            "larr": "\u{2190}", "uarr": "\u{2191}", "rarr": "\u{2192}", "darr": "\u{2193}",
            "harr": "\u{2194}", "rArr": "\u{21D2}", "lArr": "\u{21D0}", "hArr": "\u{21D4}",
            "minus": "\u{2212}", "infin": "\u{221E}", "ne": "\u{2260}", "le": "\u{2264}",
            "ge": "\u{2265}", "asymp": "\u{2248}", "equiv": "\u{2261}", "sum": "\u{2211}",
            "prod": "\u{220F}", "radic": "\u{221A}", "part": "\u{2202}", "nabla": "\u{2207}",
            "isin": "\u{2208}", "loz": "\u{25CA}", "spades": "\u{2660}", "clubs": "\u{2663}",
            "hearts": "\u{2665}", "diams": "\u{2666}", "check": "\u{2713}", "nbhy": "\u{2011}",
        ]
        // Greek letters, in code point order (HTML 4 names).
        let upperGreek = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho"
        for (n, name) in upperGreek.split(separator: " ").enumerated() {
            table[String(name)] = Unicode.Scalar(0x391 + UInt32(n))!
        }
        for (n, name) in "Sigma Tau Upsilon Phi Chi Psi Omega".split(separator: " ").enumerated() {
            table[String(name)] = Unicode.Scalar(0x3A3 + UInt32(n))!
        }
        for (n, name) in upperGreek.lowercased().split(separator: " ").enumerated() {
            table[String(name)] = Unicode.Scalar(0x3B1 + UInt32(n))!
        }
        table["sigmaf"] = "\u{3C2}"
        for (n, name) in "sigma tau upsilon phi chi psi omega".split(separator: " ").enumerated() {
            table[String(name)] = Unicode.Scalar(0x3C3 + UInt32(n))!
        }
        for (n, name) in latin1Names.split(separator: " ").enumerated() {
            table[String(name)] = Unicode.Scalar(0xA0 + UInt32(n))!
        }
        return table
    }()
}
