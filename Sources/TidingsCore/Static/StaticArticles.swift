import Foundation
import TidingsModel
import TidingsStatic
import TidingsStore

/// Turns a feed's new entries into the articles the static site stores (on the work queue:
/// sanitizing is the expensive part, done once per article, never again at render time).
enum StaticArticles {
    static func make(_ source: FeedSource, _ parsed: ParsedFeed, _ fresh: [(EntryIdentity.Keyed, KeyHash)], seenAt: Date) -> [NewArticle] {
        fresh.map { item, hash in
            let entry = item.entry
            let content = ArticleContent(entry: entry)
            let article = Article(
                id: ArticleID.make(feedURL: source.url, entryKey: item.key), feedURL: source.url,
                title: entry.title, link: entry.link, authors: entry.authors, categories: entry.categories,
                published: entry.published, updated: entry.updated, date: entry.date ?? seenAt,
                language: parsed.language.flatMap(Self.language), excerpt: content.excerpt)
            return NewArticle(keyHash: hash, article: article, content: content.html)
        }
    }

    /// A BCP 47 tag as feeds write it (`en-us`, `zh_CN`, ` ja `), or nil for junk.
    static func language(_ raw: String) -> String? {
        let tag = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
        guard !tag.isEmpty, tag.count <= 35, tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return tag
    }
}
