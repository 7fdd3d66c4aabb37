import Testing
@testable import TidingsDeliver
import TidingsModel

@Suite struct HTMLLinksTests {
    @Test(arguments: [
        ("../img/a.png", "https://ex.org/blog/img/a.png"),
        ("/root", "https://ex.org/root"),
        ("//cdn.ex.net/x.js", "https://cdn.ex.net/x.js"),
        ("?page=2", "https://ex.org/blog/post/?page=2"),
        ("#frag", "https://ex.org/blog/post/#frag"),
        ("https://other.org/a", "https://other.org/a"),
        ("mailto:me@ex.org", "mailto:me@ex.org"),
        ("  spaced.png  ", "https://ex.org/blog/post/spaced.png"),
        ("a b.png", "https://ex.org/blog/post/a%20b.png"),
        ("", ""),
    ])
    func resolves(reference: String, expected: String) {
        #expect(HTMLLinks.Resolver(base: "https://ex.org/blog/post/").resolve(reference) == expected)
    }

    /// The fast path must agree with Foundation wherever it answers.
    @Test(arguments: [
        "https://ex.org/blog/post/", "https://ex.org/blog/post", "https://ex.org", "https://ex.org/a/b?x=1#frag",
        "http://ex.org:8080/dir/", "HTTPS://Ex.org/Dir/", "https://ex.org/a/../b/", "https://user@ex.org/a/",
        "https://ex.org/%7Euser/index.html", "https://例え.jp/記事/",
    ])
    func fastPathMatchesFoundation(base: String) {
        let references = [
            "a.png", "img/a.png", "/root", "/root/x?y=1&z=2#f", "//cdn.ex.net/x.js", "?page=2", "#frag", "", ".", "..",
            "./a", "../a", "a/./b", "a/../b", "a/..", "/.hidden", "a..b", "...", "a b.png", "é.png", "%E2%82%AC.png",
            "100%.png", "a#b#c", "a[1].png", "a|b", "~user/", "a:b", "//h", "/a//b", ";x", "a?b?c", "@x", "x%2",
        ]
        let resolver = HTMLLinks.Resolver(base: base)
        for reference in references {
            #expect(resolver.resolve(reference) == resolver.resolveWithFoundation(reference), "base \(base) reference \(reference)")
        }
    }

    @Test func withoutBaseLeavesReferences() {
        #expect(HTMLLinks.Resolver(base: nil).resolve("/a") == "/a")
    }

    @Test(arguments: [
        (#"<a href="/x?a=1&amp;b=2">t</a>"#, #"<a href="https://ex.org/x?a=1&amp;b=2">t</a>"#),
        (#"<IMG SRC=pic.jpg ALT='a "q"'>"#, #"<img src="https://ex.org/blog/post/pic.jpg" alt="a &quot;q&quot;">"#),
        (#"<img srcset="a.png 1x, /b.png 2x">"#, #"<img srcset="https://ex.org/blog/post/a.png 1x, https://ex.org/b.png 2x">"#),
        (#"<p class=x>text &amp; more</p>"#, #"<p class="x">text &amp; more</p>"#),
        (#"<br/>"#, #"<br />"#),
    ])
    func absolutizes(html: String, expected: String) {
        #expect(HTMLLinks.absolutize(html, base: "https://ex.org/blog/post/") == expected)
    }

    @Test(arguments: [("http:", true), ("a+b-c.d:x", true), ("1abc:", false), ("/path:x", false), ("no-colon", false), (":x", false)])
    func schemeDetection(value: String, expected: Bool) {
        #expect(URIScheme.isPresent(value) == expected)
    }
}
