import Testing
@testable import TidingsParse

@Suite struct URLResolverTests {
    static let base = "http://a.example/b/c/d;p?q"

    // RFC 3986 §5.4 examples, plus what feeds add.
    static let cases: [(String, String?, String?)] = [
        ("g", base, "http://a.example/b/c/g"),
        ("./g", base, "http://a.example/b/c/g"),
        ("g/", base, "http://a.example/b/c/g/"),
        ("/g", base, "http://a.example/g"),
        ("//g", base, "http://g"),
        ("?y", base, "http://a.example/b/c/d;p?y"),
        ("g?y", base, "http://a.example/b/c/g?y"),
        ("#s", base, "http://a.example/b/c/d;p?q#s"),
        ("g#s", base, "http://a.example/b/c/g#s"),
        ("..", base, "http://a.example/b/"),
        ("../g", base, "http://a.example/b/g"),
        ("../../g", base, "http://a.example/g"),
        ("../../../g", base, "http://a.example/g"),
        ("g;x=1/../y", base, "http://a.example/b/c/y"),
        ("https://other.example/x", base, "https://other.example/x"),
        ("mailto:a@b.example", base, "mailto:a@b.example"),
        ("  g  ", base, "http://a.example/b/c/g"),
        ("", base, nil),
        ("g", nil, "g"),
        ("/~user/", "http://example.jp", "http://example.jp/~user/"),
        ("日本/ページ", "http://example.jp/a/", "http://example.jp/a/日本/ページ"),
    ]

    @Test(arguments: cases)
    func resolves(_ reference: String, _ base: String?, _ expected: String?) {
        #expect(URLResolver.resolve(reference, against: base) == expected)
    }
}

@Suite struct TextCleaningTests {
    static let titles: [(String, String?)] = [
        ("  Hello   world  ", "Hello world"),
        ("Line\none\ttab", "Line one tab"),
        ("<b>Bold</b> move", "Bold move"),
        ("1 < 2", "1 < 2"),
        ("Q&amp;A", "Q&A"),
        ("Para<br/>break", "Para break"),
        ("Para<br />break", "Para break"),
        ("<!-- hidden -->Shown", "Shown"),
        // feedparser's rule: HTML only with a close tag or entity, and known elements only.
        ("Part 19: feature <day> service", "Part 19: feature <day> service"),
        ("Part 3: cache <table> index", "Part 3: cache <table> index"),
        ("Using the <img> tag", "Using the <img> tag"),
        ("An <img src=\"x.png\"> image", "An image"),
        ("<b>Bold</b> and <day>", "<b>Bold</b> and <day>"),
        ("Q&amp;A <day>", "Q&A <day>"),
        ("<em>Caf&eacute;</em>", "Café"),
        ("AT&T <i>x</i>", "AT&T x"),
        ("Array<Element>", "Array<Element>"),
        ("Vec<u8>", "Vec<u8>"),
        ("<日本>", "<日本>"),
        ("Bell\u{07}char", "Bellchar"),
        // C1 controls read as windows-1252 (`&#145;` is a left quote); undefined ones go.
        ("C1\u{91}control", "C1\u{2018}control"),
        ("C1\u{81}control", "C1control"),
        ("   ", nil),
        ("👨‍👩‍👧‍👦", "👨‍👩‍👧‍👦"),
        // What a browser does not display is not part of the text.
        ("A <script>alert(1)</script>B", "A B"),
        ("A<SCRIPT type=\"text/javascript\">x < y</Script >B", "AB"),
        ("<style>p { color: red }</style><b>Styled</b>", "Styled"),
        ("<i>x</i> <!-- note --> y", "x y"),
        ("<b>Why</b> <script> is risky", "Why is risky"),
        ("<b>a</b><script src=\"x.js\"/>b", "ab"),
    ]

    @Test(arguments: titles)
    func plainTitles(_ input: String, _ expected: String?) {
        #expect(TextCleaning.plainText(input, isHTML: false) == expected)
    }

    /// Clean text is checked eight bytes at a time: what to catch must be
    /// caught wherever it falls in or across those words, and in short texts.
    static let wordBoundaryCases: [(String, String?)] = [
        ("abcdefg  hijk", "abcdefg hijk"), // a double space across two words
        ("abcdefgh  ijk", "abcdefgh ijk"),
        ("abcdefghijklmno  p", "abcdefghijklmno p"), // in the overlapping last word
        ("a  b", "a b"), // shorter than a word
        ("ab\u{7F}cdefghij", "abcdefghij"),
        ("abcdefghij\u{1F}", "abcdefghij"),
        ("abcdefg&amp;h", "abcdefg&h"),
        ("abcdefghijk<b>l</b>", "abcdefghijkl"),
        ("日本語\u{3000}テキスト", "日本語 テキスト"),
        ("Price\u{A0}list", "Price list"),
        ("em\u{2003}space and\u{205F}more", "em space and more"),
        ("Ogham\u{1680}space", "Ogham space"),
        ("naïve café “quoted” — done…", "naïve café “quoted” — done…"),
        ("ÀÁÂÃÄÅàáâãäå\u{85}x", "ÀÁÂÃÄÅàáâãäå…x"),
        ("x", "x"),
        ("", nil),
    ]

    @Test(arguments: wordBoundaryCases)
    func cleansAtWordBoundaries(_ input: String, _ expected: String?) {
        #expect(TextCleaning.plainText(input, isHTML: false) == expected)
        #expect(TextCleaning.plainText(input, isHTML: true) == expected)
    }

    @Test func cleanTextComesBackAsIs() {
        let title = "An already clean title, with “quotes” and 日本語"
        #expect(TextCleaning.isAlreadyClean(title))
        #expect(TextCleaning.collapse(title) == title)
        #expect(TextCleaning.plainText(title, isHTML: false) == title)
        #expect(!TextCleaning.isAlreadyClean("two  spaces"))
        #expect(!TextCleaning.isAlreadyClean(" leading"))
        #expect(!TextCleaning.isAlreadyClean("trailing "))
        #expect(TextCleaning.isAlreadyClean("Q&A <b>"))
        #expect(!TextCleaning.isAlreadyPlain("Q&A"))
        #expect(!TextCleaning.isAlreadyPlain("a <b>"))
    }

    @Test func stripsTagsOnBytes() {
        #expect(TextCleaning.stripTags("a<p>b</P>c<BLOCKQUOTE>d<hr/>e<span>f</span>") == "a b c d ef")
        #expect(TextCleaning.stripTags("日本<br>語<!-- x -->!") == "日本 語!")
        #expect(TextCleaning.stripTags("a <3 b < c") == "a <3 b < c")
        #expect(TextCleaning.stripTags("x<style>y</STYLE >z<script>w") == "xzw")
        #expect(TextCleaning.stripTags("unterminated <!-- comment") == "unterminated ")
        #expect(TextCleaning.stripTags("<h1>T</h1>") == " T ")
    }

    @Test func scriptEndsOnlyAtItsOwnEndTag() {
        #expect(TextCleaning.plainText("a<script>x</scripts>y</script>z", isHTML: true) == "az")
    }

    @Test func escapesPlainTextIntoHTML() {
        #expect(TextCleaning.escapeHTML("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d")
    }
}

@Suite struct EncodingLabelTests {
    static let cases: [(String, String?)] = [
        ("gb2312", "GB18030"), ("GBK", "GB18030"), ("x-gbk", "GB18030"), ("gb_2312-80", "GB18030"),
        ("iso-8859-1", "WINDOWS-1252"), ("latin1", "WINDOWS-1252"), ("US-ASCII", "WINDOWS-1252"),
        ("Shift_JIS", "CP932"), ("sjis", "CP932"), ("x-sjis", "CP932"),
        ("euc-jp", "EUC-JP"), ("big5", "BIG5-HKSCS"), ("windows-1251", "WINDOWS-1251"),
        ("utf-8", "UTF-8"), (" UTF8 ", "UTF-8"), ("koi8-r", "KOI8-R"), ("euc-kr", "CP949"),
        ("iso-8859-15", "ISO-8859-15"), ("iso-8859-9", "WINDOWS-1254"), ("", nil),
        ("UTF-8", "UTF-8"), ("Utf-8", "UTF-8"), ("\tutf-8 ", "UTF-8"), ("utf-16", "UTF-16LE"),
        // ASCII case-insensitive only (WHATWG): the Kelvin sign is not a K.
        ("\u{212A}OI8-R", nil),
    ]

    @Test(arguments: cases)
    func mapsWHATWGLabels(_ label: String, _ expected: String?) {
        #expect(EncodingLabel.iconvName(for: label) == expected)
    }

    @Test func readsTheXMLDeclarationAndHTTPCharset() {
        #expect(FeedSniffer.declaredEncoding(Array("<?xml version='1.0' encoding='gb2312'?><rss/>".utf8)) == "gb2312")
        #expect(FeedSniffer.declaredEncoding(Array("<?xml version=\"1.0\"?><rss/>".utf8)) == nil)
        #expect(FeedSniffer.charset(fromContentType: "text/xml; charset=\"Shift_JIS\"") == "Shift_JIS")
        #expect(FeedSniffer.charset(fromContentType: "application/rss+xml") == nil)
    }
}
