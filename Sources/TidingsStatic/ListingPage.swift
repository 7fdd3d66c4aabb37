import TidingsModel

/// Listing pages — index.html, feeds/<slug>.html, tags/<slug>.html — paginated newest first:
/// `name.html`, `name-2.html`, … (the index's later pages are `page-2.html`, …).
struct ListingPage {
    var layout: PageLayout
    var heading: String
    /// Page 1's path relative to its directory, without `.html` (`index`, `<slug>`).
    var baseName: String
    /// Later pages: `page` for the index (`page-2`), the base name elsewhere (`<slug>-2`).
    var laterName: String
    var lang: String?
    var alternate: PageLayout.Alternate?
    var intro: String = ""

    static func fileName(base: String, later: String, page: Int) -> String {
        page == 1 ? base + ".html" : "\(later)-\(page).html"
    }

    /// The page count for `count` articles (at least one page, even when empty).
    static func pageCount(_ count: Int, pageSize: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }

    func render(_ articles: ArraySlice<Article>, page: Int, of pages: Int, feeds: [String: SiteFeed],
                feedSlugs: [String: String]) -> String {
        var body = "<h1>\(Markup.escape(heading))</h1>\n\(intro)<div class=\"list\">\n"
        for article in articles {
            let feed = feeds[article.feedURL]
            let itemLang = article.language.map { $0 != lang ? " lang=\"\(Markup.escape($0))\"" : "" } ?? ""
            body += "<article\(itemLang)><h2><a href=\"\(layout.root)articles/\(article.id).html\">\(Markup.escape(article.displayTitle))</a></h2>\n"
            body += "<p class=\"meta\">"
            if let feed, let slug = feedSlugs[feed.url] {
                body += "<a href=\"\(layout.root)feeds/\(slug).html\">\(Markup.escape(feed.title))</a> · "
            }
            body += "<time datetime=\"\(Markup.timestamp(article.date))\">\(Markup.day(article.date))</time></p>\n"
            if !article.excerpt.isEmpty { body += "<p>\(Markup.escape(article.excerpt))</p>\n" }
            body += "</article>\n"
        }
        if articles.isEmpty { body += "<p class=\"meta\">No articles yet.</p>\n" }
        body += "</div>\n"
        if pages > 1 {
            body += "<nav class=\"pages\">"
            body += page > 1 ? "<a rel=\"prev\" href=\"\(Self.fileName(base: baseName, later: laterName, page: page - 1))\">← Newer</a>" : "<span></span>"
            body += "<span>Page \(page) of \(pages)</span>"
            body += page < pages ? "<a rel=\"next\" href=\"\(Self.fileName(base: baseName, later: laterName, page: page + 1))\">Older →</a>" : "<span></span>"
            body += "</nav>\n"
        }
        let title = page == 1 ? heading : "\(heading) — page \(page)"
        return layout.page(title: title, lang: lang, alternate: alternate, body: body)
    }
}
