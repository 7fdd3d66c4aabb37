import Foundation
import TidingsModel
import TidingsStatic
import TidingsStore

/// Brings the static directory up to date after a sync: applies the retention, then lets
/// `StaticSite` rewrite what changed. The site shows the feeds of the current feeds.txt
/// (a feed removed from it disappears from the site; its articles stay stored).
enum SiteUpdate {
    static func run(directory: String, options: SiteOptions, keep: SiteRetention?, feeds: [FeedSource],
                    store: StateStore, now: Date = Date()) throws(TidingsError) -> StaticSite.Outcome {
        var stored = try store.articles()
        if let keep {
            let expired = keep.expired(stored.map { (id: $0.id, date: $0.date) }, now: now)
            if !expired.isEmpty {
                try store.deleteArticles(siteIDs: expired)
                let gone = Set(expired)
                stored.removeAll { gone.contains($0.id) }
            }
        }
        var records: [String: FeedRecord] = [:]
        for record in try store.allFeeds() { records[record.url] = record }
        var languages: [String: String] = [:]
        for article in stored where languages[article.feedURL] == nil {
            if let language = article.language { languages[article.feedURL] = language }
        }
        let siteFeeds = feeds.map { source in
            let record = records[source.url]
            return SiteFeed(url: source.url, title: source.title ?? record?.title ?? SyncRunner.hostName(source.url),
                            siteLink: record?.siteLink, tags: source.tags, language: languages[source.url])
        }
        let site = StaticSite(directory: directory, options: options)
        return try site.update(feeds: siteFeeds, articles: stored) { id in
            (try? store.articleContent(siteID: id)) ?? nil
        }
    }
}
