import Foundation

/// A subscription as the site shows it.
public struct SiteFeed: Sendable, Equatable {
    /// As written in feeds.txt (credentials are redacted before anything is published).
    public var url: String
    public var title: String
    public var siteLink: String?
    public var tags: [String]
    /// The feed's language (`xml:lang`, `<language>`), when it said.
    public var language: String?

    /// The site link when it is http(s) (see `SiteArticle.webLink`).
    public var webSiteLink: String? { siteLink.flatMap { SiteArticle.isWebLink($0) ? $0 : nil } }

    public init(url: String, title: String, siteLink: String? = nil, tags: [String] = [], language: String? = nil) {
        self.url = url
        self.title = title
        self.siteLink = siteLink
        self.tags = tags
        self.language = language
    }
}

/// One article, without its content (pages that need the content ask for it by id).
public struct SiteArticle: Sendable, Equatable {
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

    /// The original link when it is a web link: a feed can give anything (`javascript:`), and
    /// the site republishes only http(s).
    public var webLink: String? { link.flatMap { Self.isWebLink($0) ? $0 : nil } }

    static func isWebLink(_ link: String) -> Bool {
        let lower = link.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// The title shown; articles without one are named by their date.
    public var displayTitle: String {
        if let title, !title.isEmpty { return title }
        return "Untitled (\(Markup.day(date)))"
    }
}

/// How the site is laid out.
public struct SiteOptions: Sendable, Equatable {
    /// Articles per listing page (index.html, page-2.html, …; feeds/ and tags/ pages alike).
    public var pageSize: Int
    /// Articles in each Atom and JSON feed.
    public var feedItems: Int
    public var title: String

    public init(pageSize: Int = 50, feedItems: Int = 100, title: String = "Tidings") {
        self.pageSize = max(1, pageSize)
        self.feedItems = max(1, feedItems)
        self.title = title
    }
}
