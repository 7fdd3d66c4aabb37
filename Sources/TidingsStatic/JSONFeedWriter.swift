import Foundation
import TidingsModel

/// JSON Feed 1.1 (https://jsonfeed.org/version/1.1) for the site's feeds: feed.json,
/// feeds/<slug>.json, tags/<slug>.json. Written by hand, keys in a fixed order, so the same
/// articles always give the same bytes (goldens, and "unchanged means not rewritten").
/// The source feed goes in `_source` (JSON Feed's extension convention: a leading underscore).
struct JSONFeedWriter {
    var title: String
    var lang: String?

    func render(_ articles: [Article], feeds: [String: SiteFeed], content: (Article) -> String) -> String {
        var out = "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": \(Markup.json(title)),\n"
        if let lang { out += "  \"language\": \(Markup.json(lang)),\n" }
        out += "  \"items\": ["
        for (index, article) in articles.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += item(article, feed: feeds[article.feedURL], content: content(article))
        }
        out += articles.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    private func item(_ article: Article, feed: SiteFeed?, content: String) -> String {
        var fields: [String] = []
        fields.append("\"id\": \(Markup.json("urn:tidings:article:" + article.id))")
        if let link = article.webLink { fields.append("\"url\": \(Markup.json(link))") }
        fields.append("\"title\": \(Markup.json(article.displayTitle))")
        fields.append("\"content_html\": \(Markup.json(content))")
        if !article.excerpt.isEmpty { fields.append("\"summary\": \(Markup.json(article.excerpt))") }
        if let published = article.published { fields.append("\"date_published\": \(Markup.json(Markup.timestamp(published)))") }
        fields.append("\"date_modified\": \(Markup.json(Markup.timestamp(AtomWriter.updated(article))))")
        if !article.authors.isEmpty {
            fields.append("\"authors\": [" + article.authors.map { "{\"name\": \(Markup.json($0))}" }.joined(separator: ", ") + "]")
        }
        if !article.categories.isEmpty {
            fields.append("\"tags\": [" + article.categories.map(Markup.json).joined(separator: ", ") + "]")
        }
        if let language = article.language { fields.append("\"language\": \(Markup.json(language))") }
        if let feed {
            var source = "\"_source\": {\"title\": \(Markup.json(feed.title)), \"feed_url\": \(Markup.json(URLRedaction.redact(feed.url)))"
            if let site = feed.webSiteLink { source += ", \"home_page_url\": \(Markup.json(site))" }
            fields.append(source + "}")
        }
        return "    {\n      " + fields.joined(separator: ",\n      ") + "\n    }"
    }
}
