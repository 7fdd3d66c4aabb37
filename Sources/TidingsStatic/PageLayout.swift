/// The HTML around every page: one small inline stylesheet (no request, works from `file://`),
/// light and dark by `prefers-color-scheme`, no JavaScript, and a Content-Security-Policy that
/// forbids scripts outright, so even a sanitizer bug could not run one.
struct PageLayout {
    var siteTitle: String
    /// `""` for pages at the top, `"../"` for pages in `feeds/`, `tags/`, `articles/`.
    var root: String

    struct Alternate {
        var title: String
        var atom: String
        var json: String
    }

    func page(title: String, lang: String?, alternate: Alternate?, body: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(Markup.escape(lang ?? "und"))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.policy)\">\n"
        out += "<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n"
        out += "<meta name=\"generator\" content=\"Tidings\">\n"
        out += "<title>\(Markup.escape(title))</title>\n"
        if let alternate {
            out += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"\(Markup.escape(alternate.title))\" href=\"\(alternate.atom)\">\n"
            out += "<link rel=\"alternate\" type=\"application/feed+json\" title=\"\(Markup.escape(alternate.title))\" href=\"\(alternate.json)\">\n"
        }
        out += "<style>\(Self.css)</style>\n</head>\n<body>\n"
        out += "<header><nav><a class=\"home\" href=\"\(root)index.html\">\(Markup.escape(siteTitle))</a> "
        out += "<a href=\"\(root)feeds.html\">Feeds</a> <a href=\"\(root)atom.xml\">Atom</a> "
        out += "<a href=\"\(root)feed.json\">JSON Feed</a> <a href=\"\(root)feeds.opml\">OPML</a></nav></header>\n"
        out += "<main>\n\(body)</main>\n</body>\n</html>\n"
        return out
    }

    static let policy = "default-src 'none'; img-src * data:; media-src *; style-src 'unsafe-inline'; "
        + "frame-src https://www.youtube.com https://www.youtube-nocookie.com https://youtube.com "
        + "https://youtube-nocookie.com https://player.vimeo.com; base-uri 'none'; form-action 'none'"

    static let css = """
        :root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1d1d1f;--muted:#5f6368;--link:#0b57d0;--rule:#e3e3e0}\
        @media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e6e6e3;--muted:#a0a4aa;--link:#8ab4f8;--rule:#2e3034}}\
        *{box-sizing:border-box}\
        body{margin:0 auto;max-width:46rem;padding:0 1rem 3rem;background:var(--bg);color:var(--fg);\
        font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","Hiragino Sans",sans-serif}\
        a{color:var(--link)}header nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:1rem 0;border-bottom:1px solid var(--rule)}\
        header .home{font-weight:700;margin-right:auto;text-decoration:none}\
        h1{font-size:1.6rem;line-height:1.25;margin:1.5rem 0 .5rem}h2{font-size:1.2rem;line-height:1.3;margin:0 0 .25rem}\
        .list article{padding:1rem 0;border-bottom:1px solid var(--rule)}.list article p{margin:.25rem 0}\
        .meta{color:var(--muted);font-size:.9rem}.meta a{color:inherit}\
        .content{overflow-wrap:break-word}.content img,.content video,.content iframe{max-width:100%;height:auto}\
        .content pre{overflow-x:auto;padding:.75rem;background:var(--rule)}.content blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--rule)}\
        .content table{border-collapse:collapse}.content td,.content th{border:1px solid var(--rule);padding:.25rem .5rem}\
        nav.pages{display:flex;justify-content:space-between;padding:1.5rem 0}\
        ul.feeds{padding-left:1.2rem}.tags a{margin-right:.5rem}
        """
}
