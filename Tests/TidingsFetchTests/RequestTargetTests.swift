import Testing
@testable import TidingsFetch

/// URL classification without Foundation: web or disk, and the per-host key.
@Suite struct RequestTargetTests {
    @Test(arguments: [
        ("https://example.org/feed", "example.org:443"),
        ("http://Example.ORG/feed", "example.org:80"),
        ("http://example.org:8080/feed?x=1", "example.org:8080"),
        ("https://user:p%40ss@example.org/feed", "example.org:443"),
        ("http://[::1]:8080/feed", "[::1]:8080"),
        ("https://[2001:db8::1]/feed", "[2001:db8::1]:443"),
        ("http://example.org", "example.org:80"),
        ("HTTPS://example.org#top", "example.org:443"),
    ])
    func webURLsGiveTheirHost(url: String, host: String) {
        #expect(RequestTarget(url) == .remote(host: host))
    }

    @Test(arguments: [
        ("file:///var/feeds/a.xml", "/var/feeds/a.xml"),
        ("file://localhost/var/feeds/a.xml", "/var/feeds/a.xml"),
        ("FILE:///tmp/my%20feed.xml", "/tmp/my feed.xml"),
        ("/abs/feed.xml", "/abs/feed.xml"),
        ("feeds/local.xml", "feeds/local.xml"),
        ("./a:b.xml", "./a:b.xml"),
        ("C:foo", "C:foo"),
    ])
    func filesGiveTheirPath(url: String, path: String) {
        #expect(RequestTarget(url) == .file(path: path))
    }
}
