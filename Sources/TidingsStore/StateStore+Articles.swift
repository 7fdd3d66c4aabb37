import Foundation
import TidingsModel

/// An article to keep for the static site: what its pages and feeds show, sanitized already.
public struct NewArticle: Sendable, Equatable {
    public var keyHash: KeyHash
    public var siteID: String
    public var title: String?
    public var link: String?
    public var authors: [String]
    public var categories: [String]
    public var published: Date?
    public var updated: Date?
    public var sortDate: Date
    public var language: String?
    public var excerpt: String
    public var content: String

    public init(keyHash: KeyHash, siteID: String, title: String?, link: String?, authors: [String], categories: [String],
                published: Date?, updated: Date?, sortDate: Date, language: String?, excerpt: String, content: String) {
        self.keyHash = keyHash
        self.siteID = siteID
        self.title = title
        self.link = link
        self.authors = authors
        self.categories = categories
        self.published = published
        self.updated = updated
        self.sortDate = sortDate
        self.language = language
        self.excerpt = excerpt
        self.content = content
    }
}

/// A stored article without its content (listings need only this; content is read per page).
public struct StoredArticle: Sendable, Equatable {
    public var siteID: String
    public var feedURL: String
    public var title: String?
    public var link: String?
    public var authors: [String]
    public var categories: [String]
    public var published: Date?
    public var updated: Date?
    public var sortDate: Date
    public var language: String?
    public var excerpt: String
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
        for article in articles {
            statement.reset()
            statement.bind(1, feedID)
            statement.bind(2, article.keyHash)
            statement.bind(3, article.siteID)
            statement.bind(4, article.title)
            statement.bind(5, article.link)
            statement.bind(6, article.authors.isEmpty ? nil : article.authors.joined(separator: "\n"))
            statement.bind(7, article.categories.isEmpty ? nil : article.categories.joined(separator: "\n"))
            statement.bind(8, article.published?.timeIntervalSince1970)
            statement.bind(9, article.updated?.timeIntervalSince1970)
            statement.bind(10, article.sortDate.timeIntervalSince1970)
            statement.bind(11, article.language)
            statement.bind(12, article.excerpt)
            statement.bind(13, article.content)
            try statement.step()
        }
    }

    /// Every stored article, newest first (ties by page id, so the order is stable).
    public func articles() throws(TidingsError) -> [StoredArticle] {
        let statement = try db.statement("""
            SELECT a.site_id, f.url, a.title, a.link, a.authors, a.categories, a.published, a.updated,
                a.sort_date, a.language, a.excerpt
            FROM articles a JOIN feeds f ON f.id = a.feed_id
            ORDER BY a.sort_date DESC, a.site_id
            """)
        var out: [StoredArticle] = []
        while try statement.step() {
            func date(_ column: Int32) -> Date? { statement.double(column).map(Date.init(timeIntervalSince1970:)) }
            func lines(_ column: Int32) -> [String] { statement.string(column).map { $0.split(separator: "\n").map(String.init) } ?? [] }
            out.append(StoredArticle(
                siteID: statement.string(0) ?? "", feedURL: statement.string(1) ?? "", title: statement.string(2),
                link: statement.string(3), authors: lines(4), categories: lines(5), published: date(6), updated: date(7),
                sortDate: date(8) ?? Date(timeIntervalSince1970: 0), language: statement.string(9),
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
