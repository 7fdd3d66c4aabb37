/// The HTML 4 named character references (latin1, symbol and special sets) plus
/// `&apos;`. Feeds written for the old Netscape RSS 0.91 DTD use them without
/// declaring anything, and escaped HTML in descriptions uses them everywhere.
enum HTMLEntities {
    static let table: [(String, Unicode.Scalar)] = {
        var out: [(String, Unicode.Scalar)] = []
        // ISO 8859-1 names for U+00A0 ... U+00FF, in code point order.
        let latin1 = """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
            deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
            Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
            ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
            agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
            eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
            """.split(separator: " ")
        for (i, name) in latin1.enumerated() {
            out.append((String(name), Unicode.Scalar(UInt32(0xA0 + i))!))
        }
        let others = """
            quot 34 amp 38 apos 39 lt 60 gt 62 OElig 338 oelig 339 Scaron 352 scaron 353 Yuml 376 fnof 402 \
            circ 710 tilde 732 Alpha 913 Beta 914 Gamma 915 Delta 916 Epsilon 917 Zeta 918 Eta 919 Theta 920 \
            Iota 921 Kappa 922 Lambda 923 Mu 924 Nu 925 Xi 926 Omicron 927 Pi 928 Rho 929 Sigma 931 Tau 932 \
            Upsilon 933 Phi 934 Chi 935 Psi 936 Omega 937 alpha 945 beta 946 gamma 947 delta 948 epsilon 949 \
            zeta 950 eta 951 theta 952 iota 953 kappa 954 lambda 955 mu 956 nu 957 xi 958 omicron 959 pi 960 \
            rho 961 sigmaf 962 sigma 963 tau 964 upsilon 965 phi 966 chi 967 psi 968 omega 969 thetasym 977 \
            upsih 978 piv 982 ensp 8194 emsp 8195 thinsp 8201 zwnj 8204 zwj 8205 lrm 8206 rlm 8207 ndash 8211 \
            mdash 8212 lsquo 8216 rsquo 8217 sbquo 8218 ldquo 8220 rdquo 8221 bdquo 8222 dagger 8224 \
            Dagger 8225 bull 8226 hellip 8230 permil 8240 prime 8242 Prime 8243 lsaquo 8249 rsaquo 8250 \
            oline 8254 frasl 8260 euro 8364 image 8465 weierp 8472 real 8476 trade 8482 alefsym 8501 \
            larr 8592 uarr 8593 rarr 8594 darr 8595 harr 8596 crarr 8629 lArr 8656 uArr 8657 rArr 8658 \
            dArr 8659 hArr 8660 forall 8704 part 8706 exist 8707 empty 8709 nabla 8711 isin 8712 notin 8713 \
            ni 8715 prod 8719 sum 8721 minus 8722 lowast 8727 radic 8730 prop 8733 infin 8734 ang 8736 \
            and 8743 or 8744 cap 8745 cup 8746 int 8747 there4 8756 sim 8764 cong 8773 asymp 8776 ne 8800 \
            equiv 8801 le 8804 ge 8805 sub 8834 sup 8835 nsub 8836 sube 8838 supe 8839 oplus 8853 \
            otimes 8855 perp 8869 sdot 8901 lceil 8968 rceil 8969 lfloor 8970 rfloor 8971 lang 9001 \
            rang 9002 loz 9674 spades 9824 clubs 9827 hearts 9829 diams 9830
            """.split(separator: " ")
        for i in stride(from: 0, to: others.count - 1, by: 2) {
            out.append((String(others[i]), Unicode.Scalar(UInt32(others[i + 1])!)!))
        }
        return out
    }()

    static let byName: [String: Unicode.Scalar] = Dictionary(table, uniquingKeysWith: { first, _ in first })

    /// Decodes `&name;`, `&#123;` and `&#x1F600;` in text that was HTML.
    /// Unknown names and malformed references are left as written.
    static func decode(_ text: String) -> String {
        guard text.containsASCII(UInt8(ascii: "&")) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "&", let (scalar, length) = reference(in: scalars, at: i) {
                out.append(scalar)
                i += length
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }

    /// The character a reference starting at `start` (the `&`) stands for, and its length.
    private static func reference(in s: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var i = start + 1
        guard i < s.count else { return nil }
        if s[i] == "#" {
            i += 1
            var radix: UInt32 = 10
            if i < s.count, s[i] == "x" || s[i] == "X" { radix = 16; i += 1 }
            var value: UInt32 = 0
            let digitsStart = i
            while i < s.count, let d = hexValue(s[i]), d < radix, i - digitsStart < 8 {
                value = value * radix + d
                i += 1
            }
            guard i > digitsStart else { return nil }
            let length = (i < s.count && s[i] == ";") ? i + 1 - start : i - start
            // Windows-1252 numbers in the C1 range (`&#150;`) mean what Windows meant.
            if (0x80...0x9F).contains(value), let mapped = Windows1252.c1[Int(value - 0x80)] { return (mapped, length) }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", length) }
            return (scalar, length)
        }
        var name = ""
        // The longest HTML 4 name is 8 characters ("thetasym").
        while i < s.count, i - start <= 10, s[i].isASCII, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) {
            name.unicodeScalars.append(s[i])
            i += 1
        }
        guard i < s.count, s[i] == ";", let scalar = byName[name] else { return nil }
        return (scalar, i + 1 - start)
    }

    private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 87
        case "A"..."F": return c.value - 55
        default: return nil
        }
    }
}

enum Windows1252 {
    /// What bytes 0x80–0x9F mean in windows-1252 (nil: undefined).
    static let c1: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
