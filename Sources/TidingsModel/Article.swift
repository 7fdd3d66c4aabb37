import Foundation

/// An article kept for the static site: what its pages and feeds show, sanitized already,
/// without its content (listings need only this; pages that need the content ask for it by id).
public struct Article: Sendable, Equatable {
    /// Stable page id (`ArticleID`): `articles/<id>.html`.
    public var id: String
    public var feedURL: String
    public var title: String?
    public var link: String?
    public var authors: [String]
    public var categories: [String]
    public var published: Date?
    public var updated: Date?
    /// What the site sorts by: published, else updated, else when Tidings first saw it.
    public var date: Date
    public var language: String?
    /// Plain text.
    public var excerpt: String

    public init(id: String, feedURL: String, title: String?, link: String?, authors: [String] = [], categories: [String] = [],
                published: Date?, updated: Date?, date: Date, language: String?, excerpt: String) {
        self.id = id
        self.feedURL = feedURL
        self.title = title
        self.link = link
        self.authors = authors
        self.categories = categories
        self.published = published
        self.updated = updated
        self.date = date
        self.language = language
        self.excerpt = excerpt
    }
}
