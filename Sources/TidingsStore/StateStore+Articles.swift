import Foundation
import TidingsModel

/// An article to insert: the listing fields plus what only insertion needs.
public struct NewArticle: Sendable, Equatable {
    /// The entry it belongs to, within the feed `insertArticles(feedID:_:)` names.
    public var keyHash: KeyHash
    /// What listings read back. Its `feedURL` is not stored: the feed is the one named at insertion.
    public var article: Article
    /// The sanitized HTML its page shows (read back per page by `articleContent(siteID:)`).
    public var content: String

    public init(keyHash: KeyHash, article: Article, content: String) {
        self.keyHash = keyHash
        self.article = article
        self.content = content
    }
}

extension StateStore {
    /// Records articles of entries inserted in this transaction (call after `insert(feedID:entries:)`).
    public func insertArticles(feedID: Int64, _ articles: [NewArticle]) throws(TidingsError) {
        guard !articles.isEmpty else { return }
        let statement = try db.statement("""
            INSERT OR IGNORE INTO articles (entry_id, feed_id, site_id, title, link, authors, categories,
                published, updated, sort_date, language, excerpt, content)
            SELECT e.id, e.feed_id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13
            FROM entries e WHERE e.feed_id = ?1 AND e.key_hash = ?2
            """)
        for new in articles {
            let article = new.article
            statement.reset()
            statement.bind(1, feedID)
            statement.bind(2, new.keyHash)
            statement.bind(3, article.id)
            statement.bind(4, article.title)
            statement.bind(5, article.link)
            statement.bind(6, article.authors.isEmpty ? nil : article.authors.joined(separator: "\n"))
            statement.bind(7, article.categories.isEmpty ? nil : article.categories.joined(separator: "\n"))
            statement.bind(8, article.published?.timeIntervalSince1970)
            statement.bind(9, article.updated?.timeIntervalSince1970)
            statement.bind(10, article.date.timeIntervalSince1970)
            statement.bind(11, article.language)
            statement.bind(12, article.excerpt)
            statement.bind(13, new.content)
            try statement.step()
        }
    }

    /// Every stored article without its content, newest first (ties by page id, so the order
    /// is stable). Listings need only this; content is read per page (`articleContent(siteID:)`).
    public func articles() throws(TidingsError) -> [Article] {
        let statement = try db.statement("""
            SELECT a.site_id, f.url, a.title, a.link, a.authors, a.categories, a.published, a.updated,
                a.sort_date, a.language, a.excerpt
            FROM articles a JOIN feeds f ON f.id = a.feed_id
            ORDER BY a.sort_date DESC, a.site_id
            """)
        var out: [Article] = []
        while try statement.step() {
            func date(_ column: Int32) -> Date? { statement.double(column).map(Date.init(timeIntervalSince1970:)) }
            func lines(_ column: Int32) -> [String] { statement.string(column).map { $0.split(separator: "\n").map(String.init) } ?? [] }
            out.append(Article(
                id: statement.string(0) ?? "", feedURL: statement.string(1) ?? "", title: statement.string(2),
                link: statement.string(3), authors: lines(4), categories: lines(5), published: date(6), updated: date(7),
                date: date(8) ?? Date(timeIntervalSince1970: 0), language: statement.string(9),
                excerpt: statement.string(10) ?? ""))
        }
        return out
    }

    /// The sanitized content of one article.
    public func articleContent(siteID: String) throws(TidingsError) -> String? {
        let statement = try db.statement("SELECT content FROM articles WHERE site_id = ?")
        statement.bind(1, siteID)
        return try statement.step() ? statement.string(0) : nil
    }

    /// Forgets articles past the site's retention (their entries stay, as tombstones).
    @discardableResult
    public func deleteArticles(siteIDs: [String]) throws(TidingsError) -> Int {
        let statement = try db.statement("DELETE FROM articles WHERE site_id = ?")
        var count = 0
        try transaction { () throws(TidingsError) in
            for id in siteIDs {
                statement.reset()
                statement.bind(1, id)
                try statement.step()
                count += db.changes
            }
        }
        return count
    }
}
