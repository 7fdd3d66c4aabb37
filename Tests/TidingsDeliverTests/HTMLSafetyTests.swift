import Testing
@testable import TidingsDeliver

@Suite struct HTMLSafetyTests {
    @Test(arguments: [
        ("<p>ok</p><script>alert(1)</script>", "<p>ok</p>"),
        ("<SCRIPT type=text/javascript>x</SCRIPT >y", "y"),
        ("<style>body{}</style><p>t</p>", "<p>t</p>"),
        (#"<p onclick="x()" ONMOUSEOVER=y class="c">t</p>"#, #"<p class="c">t</p>"#),
        (#"<a href="javascript:alert(1)">t</a>"#, "<a>t</a>"),
        (#"<a href=" JaVa&#x09;Script:alert(1)">t</a>"#, "<a>t</a>"),
        (#"<a href="vbscript:x">t</a>"#, "<a>t</a>"),
        (#"<a href="data:text/html,<script>x</script>">t</a>"#, "<a>t</a>"),
        (#"<img src="data:image/png;base64,AAAA">"#, #"<img src="data:image/png;base64,AAAA">"#),
        (#"<img src="data:image/svg+xml,<svg onload=x>">"#, "<img>"),
        ("<iframe src=\"https://evil\"><p>inner</p></iframe><p>after</p>", "<p>after</p>"),
        ("<object><embed src=x></object>z", "z"),
        ("<!--[if IE]><script>x</script><![endif]--><p>t</p>", "<p>t</p>"),
        ("<base href=\"https://evil/\"><meta http-equiv=refresh><link rel=stylesheet href=x>t", "t"),
        (#"<div style="background: url(javascript:x)">t</div>"#, "<div>t</div>"),
        (#"<div style="color: red">t</div>"#, #"<div style="color: red">t</div>"#),
        ("<p>1 < 2 > 0</p>", "<p>1 &lt; 2 &gt; 0</p>"),
        ("<form action=/x><input name=a><button>b</button></form>", "b"),
        (#"<a href="/rel" target="_blank">t</a>"#, #"<a href="https://ex.org/rel" target="_blank" rel="noopener noreferrer">t</a>"#),
        (#"<svg><script>x</script><circle/></svg>t"#, "t"),
        (#"<img src=x"onerror=alert(1)>"#, #"<img src="https://ex.org/x%22onerror=alert(1)">"#),
        ("<p>unterminated <script>alert(1)", "<p>unterminated "),
        ("<textarea><script>x</script></textarea>", "&lt;script&gt;x&lt;/script&gt;"),
    ])
    func sanitizes(html: String, expected: String) {
        #expect(HTMLSafety.sanitize(html, base: "https://ex.org/") == expected)
    }
}
