import Testing
@testable import TidingsDeliver

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("  lots   of\n\twhitespace  ", "lots of whitespace"),
        ("a<br>b<br/><br>c", "a\nb\n\nc"),
        ("<ul><li>one</li><li>two</li></ul>", "* one\n* two"),
        ("<ol><li>one<li>two</ol>", "1. one\n2. two"),
        ("<ul><li>a<ul><li>b</li></ul></li></ul>", "* a\n  * b"),
        ("<p>Tom &amp; Jerry &lt;3 &eacute;t&eacute; &#8217; &#x1F600; &bogus;</p>", "Tom & Jerry <3 été ’ 😀 &bogus;"),
        ("<p>x</p><script>var a = '<p>no</p>';</script><style>p { color: red }</style><p>y</p>", "x\n\ny"),
        ("<blockquote><p>quoted</p><p>more</p></blockquote><p>after</p>", "> quoted\n>\n> more\n\nafter"),
        ("<pre>  line 1\n    line 2</pre>", "  line 1\n    line 2"),
        ("<h2>Heading</h2><p>text</p>", "## Heading\n\ntext"),
        ("<p>a&nbsp;&nbsp;b</p><p>&nbsp;</p><p>c</p>", "a b\n\nc"),
        ("<img src=\"/pixel.gif\" width=\"1\" height=\"1\">Text", "Text"),
        ("<!-- comment --><p>visible</p><!--[if IE]><script>x</script><![endif]-->", "visible"),
        ("a < b and c > d", "a < b and c > d"),
        ("<div>one</div><div>two</div>", "one\ntwo"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a | b\nc | d"),
        ("<p>un<b>bro</b>ken</p>", "unbroken"),
        ("<hr>", "----"),
        ("<head><title>T</title></head><body>body</body>", "body"),
        ("<p>unterminated <script>alert(1)", "unterminated"),
    ])
    func rendersText(html: String, expected: String) {
        #expect(HTMLText.render(html) == expected)
    }

    @Test(arguments: [
        ("<a href=\"/a\">A</a> <a href=\"b\">B</a> <a href=\"/a\">again</a>", "A [1] B [2] again [1]",
         ["https://ex.org/a", "https://ex.org/dir/b"]),
        ("<a href=\"https://x.org/\">https://x.org/</a>", "https://x.org/", [String]()),
        ("<a href=\"https://x.org/p\">x.org/p</a>", "x.org/p", []),
        ("<a href=\"#top\">top</a>", "top", []),
        ("<a href=\"javascript:alert(1)\">js</a>", "js", []),
        ("<img src=\"i.png\" alt=\"A  cat\">", "[image: A cat] [1]", ["https://ex.org/dir/i.png"]),
        ("<a href=\"/big.png\"><img src=\"/small.png\" alt=\"\"></a>", "[image] [1]", ["https://ex.org/big.png"]),
        ("<iframe src=\"https://www.youtube.com/embed/x\">fallback</iframe>", "[embedded content] [1]", ["https://www.youtube.com/embed/x"]),
    ])
    func numbersLinks(html: String, expected: String, expectedLinks: [String]) {
        var links: [String] = []
        #expect(HTMLText.render(html, base: "https://ex.org/dir/page", links: &links) == expected)
        #expect(links == expectedLinks)
    }
}
