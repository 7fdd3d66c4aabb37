import Foundation
import TidingsModel

/// Atom 1.0 (RFC 4287) for the site's feeds: atom.xml, feeds/<slug>.xml, tags/<slug>.xml.
///
/// Each entry keeps the original link, authors, dates and categories, carries the sanitized
/// content as escaped HTML, and names the feed it came from in `<source>` — whose `<author>`
/// is that feed, which satisfies RFC 4287's rule that every entry has an author. Links to the
/// site itself are relative to the document, so the directory can move.
struct AtomWriter {
    var title: String
    /// `urn:tidings:…` naming this feed (stable across syncs).
    var id: String
    /// This document's name, relative to itself, and its HTML page's.
    var selfHref: String
    var pageHref: String
    var lang: String?

    func render(_ articles: [Article], feeds: [String: SiteFeed], content: (Article) -> String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
        if let lang { out += " xml:lang=\"\(Markup.escape(lang))\"" }
        out += ">\n<title>\(Markup.escape(title))</title>\n<id>\(Markup.escape(id))</id>\n"
        let updated = articles.map(Self.updated).max() ?? Date(timeIntervalSince1970: 0)
        out += "<updated>\(Markup.timestamp(updated))</updated>\n"
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(Markup.escape(selfHref))\"/>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Markup.escape(pageHref))\"/>\n"
        out += "<generator>Tidings</generator>\n"
        for article in articles {
            out += entry(article, feed: feeds[article.feedURL], content: content(article))
        }
        out += "</feed>\n"
        return out
    }

    static func updated(_ article: Article) -> Date { article.updated ?? article.published ?? article.date }

    private func entry(_ article: Article, feed: SiteFeed?, content: String) -> String {
        var out = "<entry>\n<id>urn:tidings:article:\(article.id)</id>\n"
        out += "<title type=\"text\">\(Markup.escape(article.displayTitle))</title>\n"
        if let link = article.webLink {
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Markup.escape(link))\"/>\n"
        }
        if let published = article.published { out += "<published>\(Markup.timestamp(published))</published>\n" }
        out += "<updated>\(Markup.timestamp(Self.updated(article)))</updated>\n"
        for author in article.authors { out += "<author><name>\(Markup.escape(author))</name></author>\n" }
        for category in article.categories { out += "<category term=\"\(Markup.escape(category))\"/>\n" }
        if !article.excerpt.isEmpty { out += "<summary type=\"text\">\(Markup.escape(article.excerpt))</summary>\n" }
        out += "<content type=\"html\">\(Markup.escape(content))</content>\n"
        if let feed {
            let url = URLRedaction.redact(feed.url)
            out += "<source>\n<id>\(Markup.escape(url))</id>\n<title>\(Markup.escape(feed.title))</title>\n"
            out += "<link rel=\"self\" href=\"\(Markup.escape(url))\"/>\n"
            if let site = feed.webSiteLink { out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Markup.escape(site))\"/>\n" }
            out += "<author><name>\(Markup.escape(feed.title))</name></author>\n</source>\n"
        }
        out += "</entry>\n"
        return out
    }
}
