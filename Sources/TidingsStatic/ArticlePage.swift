import TidingsModel

/// `articles/<id>.html`: one article with its full sanitized content and a link to the original.
struct ArticlePage {
    var layout: PageLayout

    func render(_ article: Article, content: String, feed: SiteFeed?, feedSlug: String?, tagSlugs: [String: String]) -> String {
        var body = "<article>\n<h1>\(Markup.escape(article.displayTitle))</h1>\n<p class=\"meta\">"
        if let feed, let feedSlug {
            body += "<a href=\"\(layout.root)feeds/\(feedSlug).html\">\(Markup.escape(feed.title))</a> · "
        }
        body += "<time datetime=\"\(Markup.timestamp(article.date))\">\(Markup.day(article.date))</time>"
        if !article.authors.isEmpty { body += " · " + Markup.escape(article.authors.joined(separator: ", ")) }
        if let link = article.webLink {
            body += " · <a href=\"\(Markup.escape(link))\" rel=\"noopener noreferrer\">Original</a>"
        }
        body += "</p>\n"
        if let feed, !feed.tags.isEmpty {
            body += "<p class=\"meta tags\">"
            for tag in feed.tags {
                if let slug = tagSlugs[tag] { body += "<a href=\"\(layout.root)tags/\(slug).html\">#\(Markup.escape(tag))</a>" }
            }
            body += "</p>\n"
        }
        body += "<div class=\"content\">\n\(content)\n</div>\n</article>\n"
        return layout.page(title: article.displayTitle, lang: article.language ?? feed?.language, alternate: nil, body: body)
    }
}
