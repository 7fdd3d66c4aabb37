/// Character-encoding labels as the WHATWG Encoding Standard reads them, mapped
/// to the iconv names libxml2 understands. Browsers decode the web this way, so
/// feeds are written (knowingly or not) against it:
/// - `gb2312` pages contain GBK-only characters; strict GB2312 decoding loses items.
/// - `iso-8859-1` and `us-ascii` pages contain windows-1252 curly quotes and dashes.
/// - `Shift_JIS` in iconv turns `~` into `‾` and `\` into `¥`; CP932 keeps them ASCII,
///   which matters for links like `/~user/`.
enum EncodingLabel {
    /// The iconv name for a label; `nil` when the label is unknown, in which
    /// case browsers ignore it and so do we.
    static func iconvName(for label: String) -> String? {
        // Labels are matched ASCII-case-insensitively (WHATWG "get an encoding").
        // Most documents say UTF-8: no lowered copy, no hashing for them.
        let trimmed = label.trimmingASCIIWhitespace()
        if trimmed.utf8.count == 5, trimmed.utf8.elementsEqual("utf-8".utf8, by: { ASCII.lowercased($0) == $1 }) {
            return "UTF-8"
        }
        return table[String(decoding: trimmed.utf8.map(ASCII.lowercased), as: UTF8.self)]
    }

    static func isUTF8(_ iconvName: String) -> Bool { iconvName == "UTF-8" }

    private static let table: [String: String] = {
        var t: [String: String] = [:]
        func add(_ name: String, _ labels: String) {
            for label in labels.split(separator: " ") { t[String(label)] = name }
        }
        add("UTF-8", "utf-8 utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8")
        add("UTF-16LE", "utf-16le utf-16 ucs-2 unicode csunicode iso-10646-ucs-2 unicodefeff")
        add("UTF-16BE", "utf-16be unicodefffe")
        add("GB18030", "gb18030 gbk x-gbk gb2312 gb_2312 gb_2312-80 chinese csgb2312 csiso58gb231280 iso-ir-58 cp936 ms936 windows-936")
        add("WINDOWS-1252", "windows-1252 cp1252 x-cp1252 iso-8859-1 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 latin1 l1 cp819 ibm819 csisolatin1 iso-ir-100 us-ascii ascii ansi_x3.4-1968 iso646-us cp367 ibm367 csascii")
        add("CP932", "shift_jis shift-jis sjis x-sjis ms_kanji ms932 windows-31j csshiftjis cp932")
        add("EUC-JP", "euc-jp x-euc-jp cseucpkdfmtjapanese")
        add("ISO-2022-JP", "iso-2022-jp csiso2022jp")
        add("BIG5-HKSCS", "big5 big5-hkscs cn-big5 x-x-big5 csbig5")
        add("CP949", "euc-kr ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 korean windows-949 cseuckr csksc56011987 iso-ir-149")
        add("KOI8-R", "koi8-r koi8 koi cskoi8r koi8_r")
        add("KOI8-U", "koi8-u koi8-ru")
        add("WINDOWS-874", "windows-874 tis-620 iso-8859-11 iso8859-11 dos-874")
        add("WINDOWS-1254", "windows-1254 cp1254 x-cp1254 iso-8859-9 iso8859-9 iso88599 latin5 l5 iso_8859-9")
        for n in [1250, 1251, 1253, 1255, 1256, 1257, 1258] {
            add("WINDOWS-\(n)", "windows-\(n) cp\(n) x-cp\(n)")
        }
        for n in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16] {
            add("ISO-8859-\(n)", "iso-8859-\(n) iso8859-\(n) iso8859\(n) iso_8859-\(n)")
        }
        add("ISO-8859-8", "iso-8859-8-i")
        add("MACINTOSH", "macintosh mac x-mac-roman csmacintosh")
        add("IBM866", "ibm866 866 cp866 csibm866")
        return t
    }()
}
