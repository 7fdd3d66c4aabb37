import Foundation
import Testing
import TidingsDeliver
import TidingsStatic
import TidingsTestSupport

/// The hostile fixture (`Fixtures/feeds/hostile.rss`) throws every trick we know at the site;
/// no page or feed may end up with script, a handler, a `javascript:` URL, a foreign frame,
/// a form or a stylesheet of its own. Checked by real parsers (`check-xss.py`), not by grep.
@Suite struct XSSTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3"))
    func hostileFeedGetsNoScriptIntoAnyFile() throws {
        let dir = TemporaryDirectory("static-xss")
        _ = try SiteFixture().render(into: dir.path)
        let run = try SiteFixture.runPython("check-xss.py", [dir.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func hostileContentKeepsItsHarmlessText() throws {
        let fixture = try SiteFixture(only: ["hostile.rss"])
        let article = try #require(fixture.articles.first)
        let html = try #require(fixture.contents[article.id])
        #expect(html.contains("ok link"))
        #expect(html.contains("<a href=\"https://ok.example/\" rel=\"noopener noreferrer nofollow\">"))
        #expect(html.contains("Text with &lt;script&gt;alert('escaped')&lt;/script&gt; stays text."))
        #expect(html.contains("unknown kept as text"))
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\""))
        #expect(!html.contains("frame body") && !html.lowercased().contains("data:image/svg"))
    }

    @Test(arguments: [
        ("<p onclick=\"x()\">a</p>", "<p>a</p>"),
        ("<a href=\"javascript:x()\">a</a>", "<a rel=\"noopener noreferrer nofollow\">a</a>"),
        ("<a href=\"/rel\">a</a>", "<a href=\"https://base.example/rel\" rel=\"noopener noreferrer nofollow\">a</a>"),
        ("<img src=\"i.png\" style=\"x\">", "<img src=\"https://base.example/dir/i.png\" loading=\"lazy\">"),
        ("<b>unclosed <i>tags", "<b>unclosed <i>tags</i></b>"),
        ("</div>stray<p>x</div>", "stray<p>x</p>"),
        ("<script>alert(1)</script>after", "after"),
        ("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
         "<iframe src=\"https://www.youtube.com/embed/x\" sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>"),
        ("<iframe src=\"https://www.youtube.com.evil.example/embed/x\">fallback</iframe>ok", "ok"),
        ("<form><input value=x>text</form>", ""),
        ("<custom-tag>kept</custom-tag>", "kept"),
    ])
    func sanitizer(input: String, output: String) {
        #expect(HTMLSanitizer.sanitize(input, base: "https://base.example/dir/page") == output)
    }

    @Test func excerptIsPlainTextCutAtAWord() {
        #expect(HTMLSanitizer.excerpt("<p>Hello&nbsp;<b>wor</b>ld</p><p>again &amp; <script>x</script>again</p>") == "Hello world again & again")
        let long = HTMLSanitizer.excerpt(String(repeating: "word ", count: 100), limit: 20)
        #expect(long == "word word word word…")
    }
}
