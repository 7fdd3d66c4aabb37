import Foundation
import TidingsDeliver
import TidingsModel

/// Articles for tests: a plausible default that each test changes in one place.
enum Articles {
    static let fetchedAt = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let published = Date(timeIntervalSince1970: 1_772_532_000)  // 2026-03-03T10:00:00Z

    static func make(
        title: String? = "Hello, world",
        content: String? = "<p>First paragraph with <a href=\"/about\">a link</a>.</p>",
        summary: String? = nil,
        published: Date? = Articles.published,
        link: String? = "https://blog.example.org/posts/hello",
        baseURL: String? = "https://blog.example.org/posts/hello",
        categories: [String] = [],
        enclosures: [Enclosure] = [],
        authors: [String] = [],
        feedTitle: String = "Example Blog",
        feedURL: String = "https://blog.example.org/feed.xml",
        entryKey: String = "id:tag:example.org,2026:hello"
    ) -> MailArticle {
        MailArticle(
            feedTitle: feedTitle, feedURL: feedURL, siteLink: "https://blog.example.org/",
            entry: ParsedEntry(
                id: "tag:example.org,2026:hello", title: title, link: link, published: published,
                authors: authors, summary: summary.map { UTF8Text($0) }, content: content.map { UTF8Text($0) }, categories: categories,
                enclosures: enclosures, baseURL: baseURL),
            entryKey: entryKey, fetchedAt: fetchedAt)
    }
}
