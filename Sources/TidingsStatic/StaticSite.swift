import Foundation
import TidingsModel

/// The static site: renders the articles into a directory, writing only what changed.
///
/// Layout (all links relative, so the directory can be moved or opened from `file://`):
///
///     index.html page-2.html …        newest first, `pageSize` a page
///     feeds.html                      every feed and tag
///     feeds/<slug>.html  (.xml .json) one feed: pages, Atom, JSON Feed
///     tags/<slug>.html   (.xml .json) one tag
///     articles/<id>.html              one article, full content
///     atom.xml feed.json              newest `feedItems` of all feeds
///     feeds.opml                      the subscriptions
public struct StaticSite {
    public struct Outcome: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public var directory: String
    public var options: SiteOptions

    public init(directory: String, options: SiteOptions = SiteOptions()) {
        self.directory = directory
        self.options = options
    }

    /// Brings the directory up to date with `articles` (any order) of `feeds`; `content`
    /// gives an article's sanitized HTML by id. Articles of feeds not listed are left out.
    public func update(feeds: [SiteFeed], articles: [Article], content: @escaping (String) -> String?) throws(TidingsError) -> Outcome {
        var plan = SitePlan(feeds: feeds, articles: articles, options: options)
        var writer = try SiteWriter(directory: directory)
        var cache = ContentCache(limit: 2 * options.feedItems, load: content)
        try plan.write(into: &writer, content: { cache.get($0) })
        var outcome = Outcome(written: writer.written, unchanged: writer.unchanged)
        outcome.removed = try writer.finish()
        return outcome
    }
}

/// Content for feeds is asked for twice in a row (Atom, then JSON Feed of the same scope):
/// keep the last few rather than read the database twice.
struct ContentCache {
    let limit: Int
    let load: (String) -> String?
    private var cached: [String: String] = [:]

    init(limit: Int, load: @escaping (String) -> String?) {
        self.limit = limit
        self.load = load
    }

    mutating func get(_ id: String) -> String {
        if let hit = cached[id] { return hit }
        let value = load(id) ?? ""
        if cached.count >= limit { cached.removeAll(keepingCapacity: true) }
        cached[id] = value
        return value
    }
}
