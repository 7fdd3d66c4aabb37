import TidingsModel
/// Whether text from a field that may or may not be HTML (RSS titles, names,
/// categories, Atom 0.3 text) is HTML. Feeds put both kinds there: `A <b>bold</b>
/// move` means bold, while `Part 19: feature &lt;day&gt; service` means the
/// literal text `<day>`, and after XML decoding both reach us with a raw `<`.
///
/// The rule is feedparser's `_looks_like_html`, which a decade of feeds has been
/// read with: the text is HTML when
/// 1. it has a close tag (`</b>`) or a character reference (`&amp;`, `&#8217;`), and
/// 2. every tag in it names a known HTML element, and
/// 3. every named reference in it is a known HTML entity.
/// So `<day>` (not an element), a lone `<table>` (no close tag: the bench corpus
/// has titles like `Part 3: cache <table> index`), `Using the <img> tag` and `Q&A`
/// stay literal text.
///
/// We add three forms to 1. that nobody writes as literal text: a comment
/// (`<!-- x -->`), a known element written self-closing (`<br/>`, `<br />`) and
/// a known element with attributes (`<img src="…">`, `<a href=…>`).
enum HTMLSniffer {
    static func looksLikeHTML(_ text: String) -> Bool {
        guard text.containsASCII(UInt8(ascii: "<")) || text.containsASCII(UInt8(ascii: "&")) else { return false }
        return text.withUTF8Bytes(looksLikeHTML)
    }

    static func looksLikeHTML(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var qualifies = false
        var i = 0
        while i < s.count {
            let b = s[i]
            if b == UInt8(ascii: "<") {
                var j = i + 1
                let closing = j < s.count && s[j] == UInt8(ascii: "/")
                if closing { j += 1 }
                let nameStart = j
                while j < s.count, isWordByte(s[j]) { j += 1 }
                if j > nameStart {
                    guard isElement(UnsafeBufferPointer(rebasing: s[nameStart..<j])) else { return false }
                    if closing {
                        if j < s.count, s[j] == UInt8(ascii: ">") { qualifies = true }
                    } else if isSelfClosingOrHasAttributes(s, from: j) {
                        qualifies = true
                    }
                } else if !closing, startsComment(s, at: i) {
                    qualifies = true
                }
                i = max(j, i + 1)
            } else if b == UInt8(ascii: "&") {
                var j = i + 1
                let numeric = j < s.count && s[j] == UInt8(ascii: "#")
                if numeric { j += 1 }
                let nameStart = j
                while j < s.count, isWordByte(s[j]) { j += 1 }
                if j > nameStart, j < s.count, s[j] == UInt8(ascii: ";") {
                    if !numeric {
                        let name = String(decoding: UnsafeBufferPointer(rebasing: s[nameStart..<j]), as: UTF8.self)
                        guard HTMLCharacterReferences.named(name) != nil else { return false }
                    }
                    qualifies = true
                }
                i = max(j, i + 1)
            } else {
                i += 1
            }
        }
        return qualifies
    }

    /// `<br/>`, `<br />`, `<img src=x>`: from just after the name to the next `>`.
    private static func isSelfClosingOrHasAttributes(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var k = start
        var sawEquals = false
        while k < s.count, s[k] != UInt8(ascii: ">"), s[k] != UInt8(ascii: "<") {
            if s[k] == UInt8(ascii: "=") { sawEquals = true }
            k += 1
        }
        guard k < s.count, s[k] == UInt8(ascii: ">") else { return false }
        if sawEquals, start < s.count, s[start] == 0x20 || s[start] == 0x09 || s[start] == 0x0A { return true }
        return k > start && s[k - 1] == UInt8(ascii: "/")
    }

    private static func startsComment(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 3 < s.count, s[i + 1] == UInt8(ascii: "!"), s[i + 2] == UInt8(ascii: "-"), s[i + 3] == UInt8(ascii: "-") else {
            return false
        }
        var k = i + 4
        while k + 2 < s.count {
            if s[k] == UInt8(ascii: "-"), s[k + 1] == UInt8(ascii: "-"), s[k + 2] == UInt8(ascii: ">") { return true }
            k += 1
        }
        return false
    }

    /// Python's `\w` (feedparser's regexes): letters, digits, `_`; any non-ASCII
    /// byte counts as part of a word, so `<日本>` is a (non-HTML) tag name too.
    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || b == UInt8(ascii: "_") || ASCII.isDigit(b) || ASCII.isLetter(b)
    }

    private static func isElement(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count <= 10 else { return false }
        var lowered = ""
        lowered.reserveCapacity(name.count)
        for b in name {
            guard b < 0x80 else { return false }
            lowered.unicodeScalars.append(Unicode.Scalar(ASCII.lowercased(b)))
        }
        return elements.contains(lowered)
    }

    /// The HTML Living Standard's elements plus the obsolete ones feeds still
    /// carry (`font`, `center`, `tt`, `strike`, `big`, `acronym`, …).
    static let elements: Set<String> = Set("""
        a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption \
        cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset \
        figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins \
        kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option \
        output p param picture pre progress q rp rt ruby s samp script search section select slot small \
        source span strong style sub summary sup table tbody td template textarea tfoot th thead time \
        title tr track u ul var video wbr \
        acronym applet basefont big blink center dir font frame frameset marquee nobr noframes strike tt
        """.split(separator: " ").map(String.init))
}
