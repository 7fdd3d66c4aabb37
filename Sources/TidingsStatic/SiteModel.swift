import Foundation
import TidingsModel

/// A subscription as the site shows it.
public struct SiteFeed: Sendable, Equatable {
    /// As written in feeds.txt (credentials are redacted before anything is published).
    public var url: String
    public var title: String
    public var siteLink: String?
    public var tags: [String]
    /// The feed's language (`xml:lang`, `<language>`), when it said.
    public var language: String?

    /// The site link when it is http(s) (see `Article.webLink`).
    public var webSiteLink: String? { siteLink.flatMap { HTTPScheme.isWebLink($0) ? $0 : nil } }

    public init(url: String, title: String, siteLink: String? = nil, tags: [String] = [], language: String? = nil) {
        self.url = url
        self.title = title
        self.siteLink = siteLink
        self.tags = tags
        self.language = language
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
