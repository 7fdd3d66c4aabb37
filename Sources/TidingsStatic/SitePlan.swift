import Foundation
import TidingsModel

/// Every file of the site with the signature of its inputs, in the order they are written.
struct SitePlan {
    let options: SiteOptions
    let feeds: [SiteFeed]
    let feedsByURL: [String: SiteFeed]
    /// Newest first.
    let articles: [Article]
    let feedSlugs: [String: String]
    let tagSlugs: [String: String]
    let byFeed: [String: [Article]]
    let byTag: [String: [Article]]

    init(feeds: [SiteFeed], articles: [Article], options: SiteOptions) {
        self.options = options
        self.feeds = feeds
        var feedsByURL: [String: SiteFeed] = [:]
        for feed in feeds where feedsByURL[feed.url] == nil { feedsByURL[feed.url] = feed }
        self.feedsByURL = feedsByURL
        self.articles = articles.filter { feedsByURL[$0.feedURL] != nil }.sorted {
            $0.date != $1.date ? $0.date > $1.date : $0.id < $1.id
        }
        feedSlugs = Slug.assign(feeds.map { (key: $0.url, name: $0.title) }, fallback: "feed")
        let tags = feeds.flatMap(\.tags)
        tagSlugs = Slug.assign(tags.map { (key: $0, name: $0) }, fallback: "tag")
        var byFeed: [String: [Article]] = [:]
        var byTag: [String: [Article]] = [:]
        for article in self.articles {
            byFeed[article.feedURL, default: []].append(article)
            for tag in feedsByURL[article.feedURL]?.tags ?? [] { byTag[tag, default: []].append(article) }
        }
        self.byFeed = byFeed
        self.byTag = byTag
    }

    mutating func write(into writer: inout SiteWriter, content: (String) -> String) throws(TidingsError) {
        // Articles: a page depends on the article (stored once, never changed) and its feed's name.
        let articlePage = ArticlePage(layout: PageLayout(siteTitle: options.title, root: "../"))
        for article in articles {
            let feed = feedsByURL[article.feedURL]
            var signature = Signature(options.title, feedSlugs[article.feedURL] ?? "", (feed?.tags ?? []).joined(separator: "\n"))
            signature.add(article, feed)
            try writer.put("articles/\(article.id).html", signature: signature) {
                articlePage.render(article, content: content(article.id), feed: feed,
                                   feedSlug: feedSlugs[article.feedURL], tagSlugs: tagSlugs)
            }
        }

        // The whole site.
        try listing(articles, directory: "", base: "index", later: "page", heading: options.title,
                    lang: Self.commonLanguage(articles), alternate: .init(title: options.title, atom: "atom.xml", json: "feed.json"),
                    into: &writer)
        try feedFiles(articles, directory: "", name: "", title: options.title, id: "urn:tidings:site",
                      lang: Self.commonLanguage(articles), atomName: "atom.xml", jsonName: "feed.json", pageName: "index.html",
                      into: &writer, content: content)

        for feed in feeds {
            guard let slug = feedSlugs[feed.url], feedsByURL[feed.url] == feed else { continue }
            let items = byFeed[feed.url] ?? []
            var intro = "<p class=\"meta\">"
            if let site = feed.webSiteLink { intro += "<a href=\"\(Markup.escape(site))\">Website</a> · " }
            intro += "<a href=\"\(slug).xml\">Atom</a> · <a href=\"\(slug).json\">JSON Feed</a></p>\n"
            try listing(items, directory: "feeds/", base: slug, later: slug, heading: feed.title, lang: feed.language,
                        alternate: .init(title: feed.title, atom: "\(slug).xml", json: "\(slug).json"), intro: intro, into: &writer)
            try feedFiles(items, directory: "feeds/", name: slug, title: feed.title, id: "urn:tidings:feed:\(slug)",
                          lang: feed.language, atomName: "\(slug).xml", jsonName: "\(slug).json", pageName: "\(slug).html",
                          into: &writer, content: content)
        }
        for (tag, slug) in tagSlugs.sorted(by: { $0.value < $1.value }) {
            let items = byTag[tag] ?? []
            let heading = "#" + tag
            let intro = "<p class=\"meta\"><a href=\"\(slug).xml\">Atom</a> · <a href=\"\(slug).json\">JSON Feed</a></p>\n"
            try listing(items, directory: "tags/", base: slug, later: slug, heading: heading, lang: Self.commonLanguage(items),
                        alternate: .init(title: heading, atom: "\(slug).xml", json: "\(slug).json"), intro: intro, into: &writer)
            try feedFiles(items, directory: "tags/", name: slug, title: heading, id: "urn:tidings:tag:\(slug)",
                          lang: Self.commonLanguage(items), atomName: "\(slug).xml", jsonName: "\(slug).json", pageName: "\(slug).html",
                          into: &writer, content: content)
        }

        // The subscription list, as a page and as OPML.
        var subscriptions = Signature(options.title)
        for feed in feeds {
            subscriptions.add(feed.url)
            subscriptions.add(feed.title)
            subscriptions.add(feed.siteLink ?? "")
            subscriptions.add(feed.tags.joined(separator: "\n"))
            subscriptions.add(feedSlugs[feed.url] ?? "")
            subscriptions.add(String(byFeed[feed.url]?.count ?? 0))
        }
        try writer.put("feeds.html", signature: subscriptions) { feedsPage() }
        try writer.put("feeds.opml", signature: subscriptions) {
            OPMLWriter.render(feeds.map {
                OPMLWriter.Outline(title: $0.title, xmlURL: URLRedaction.redact($0.url), htmlURL: $0.webSiteLink, tags: $0.tags)
            }, title: options.title)
        }
    }

    private func listing(_ items: [Article], directory: String, base: String, later: String, heading: String, lang: String?,
                         alternate: PageLayout.Alternate, intro: String = "", into writer: inout SiteWriter) throws(TidingsError) {
        let root = directory.isEmpty ? "" : "../"
        let page = ListingPage(layout: PageLayout(siteTitle: options.title, root: root), heading: heading, baseName: base,
                               laterName: later, lang: lang, alternate: alternate, intro: intro)
        let pages = ListingPage.pageCount(items.count, pageSize: options.pageSize)
        for number in 1...pages {
            let slice = items.dropFirst((number - 1) * options.pageSize).prefix(options.pageSize)
            var signature = Signature(options.title, heading, intro, lang ?? "", String(number), String(pages))
            for article in slice {
                signature.add(article, feedsByURL[article.feedURL])
                signature.add(feedSlugs[article.feedURL] ?? "")
            }
            try writer.put(directory + ListingPage.fileName(base: base, later: later, page: number), signature: signature) {
                page.render(slice, page: number, of: pages, feeds: feedsByURL, feedSlugs: feedSlugs)
            }
        }
    }

    private func feedFiles(_ items: [Article], directory: String, name: String, title: String, id: String, lang: String?,
                           atomName: String, jsonName: String, pageName: String,
                           into writer: inout SiteWriter, content: (String) -> String) throws(TidingsError) {
        let newest = Array(items.prefix(options.feedItems))
        var signature = Signature(title, id, lang ?? "")
        for article in newest {
            signature.add(article, feedsByURL[article.feedURL])
            signature.add(feedsByURL[article.feedURL]?.siteLink ?? "")
        }
        let atom = AtomWriter(title: title, id: id, selfHref: atomName, pageHref: pageName, lang: lang)
        try writer.put(directory + atomName, signature: signature) {
            atom.render(newest, feeds: feedsByURL, content: { content($0.id) })
        }
        let json = JSONFeedWriter(title: title, lang: lang)
        try writer.put(directory + jsonName, signature: signature) {
            json.render(newest, feeds: feedsByURL, content: { content($0.id) })
        }
    }

    private func feedsPage() -> String {
        var body = "<h1>Feeds</h1>\n<ul class=\"feeds\">\n"
        for feed in feeds.sorted(by: { $0.title.localizedStandardCompare($1.title) == .orderedAscending }) {
            guard let slug = feedSlugs[feed.url] else { continue }
            body += "<li><a href=\"feeds/\(slug).html\">\(Markup.escape(feed.title))</a>"
            body += " <span class=\"meta\">\(byFeed[feed.url]?.count ?? 0) articles"
            for tag in feed.tags { if let tagSlug = tagSlugs[tag] { body += " · <a href=\"tags/\(tagSlug).html\">#\(Markup.escape(tag))</a>" } }
            body += "</span></li>\n"
        }
        body += "</ul>\n"
        if !tagSlugs.isEmpty {
            body += "<h2>Tags</h2>\n<p class=\"tags\">"
            for (tag, slug) in tagSlugs.sorted(by: { $0.key < $1.key }) {
                body += "<a href=\"tags/\(slug).html\">#\(Markup.escape(tag))</a> "
            }
            body += "</p>\n"
        }
        return PageLayout(siteTitle: options.title, root: "").page(title: "Feeds — \(options.title)", lang: nil, alternate: nil, body: body)
    }

    /// The language most of `items` are in (ties broken by name, for stable output).
    static func commonLanguage(_ items: [Article]) -> String? {
        var counts: [String: Int] = [:]
        for item in items { if let lang = item.language { counts[lang, default: 0] += 1 } }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
