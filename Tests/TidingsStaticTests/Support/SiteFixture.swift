import Foundation
import TidingsModel
import TidingsParse
import TidingsStatic
import TidingsTestSupport

/// The fixture site: the feeds in `Fixtures/feeds/`, parsed with Tidings' own parser and
/// turned into site articles the way a sync does (`ArticleID`, `ArticleContent`).
struct SiteFixture {
    static let directory = TestSupport.testsPath("TidingsStaticTests/Fixtures")
    /// Undated articles sort as if first seen at this time.
    static let seenAt = Date(timeIntervalSince1970: 1_730_851_200)  // 2024-11-06T00:00:00Z
    static let options = SiteOptions(pageSize: 2, feedItems: 3)

    /// (file, the URL it is "served" from, tags in feeds.txt)
    static let subscriptions: [(file: String, url: String, tags: [String])] = [
        ("tech.rss", "https://tech.example.org/feed.rss", ["tech", "programming"]),
        ("zh.atom", "https://news.example.cn/atom.xml", ["asia", "新闻"]),
        ("ja.rss", "https://blog.example.jp/rss", ["asia"]),
        ("hostile.rss", "https://hostile.example/rss", ["tech"]),
    ]

    var feeds: [SiteFeed] = []
    var articles: [Article] = []
    var contents: [String: String] = [:]

    init(only: Set<String>? = nil) throws {
        for subscription in Self.subscriptions where only?.contains(subscription.file) ?? true {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.directory + "/feeds/" + subscription.file)))
            let parsed = try FeedParser.parse(bytes, documentURL: subscription.url, contentType: nil)
            feeds.append(SiteFeed(url: subscription.url, title: parsed.title ?? subscription.url, siteLink: parsed.link,
                                  tags: subscription.tags, language: parsed.language))
            for item in EntryIdentity.keyed(parsed.entries) {
                let entry = item.entry
                let content = ArticleContent(entry: entry)
                let id = ArticleID.make(feedURL: subscription.url, entryKey: item.key)
                articles.append(Article(
                    id: id, feedURL: subscription.url, title: entry.title, link: entry.link, authors: entry.authors,
                    categories: entry.categories, published: entry.published, updated: entry.updated,
                    date: entry.date ?? Self.seenAt, language: parsed.language, excerpt: content.excerpt))
                contents[id] = content.html
            }
        }
    }

    /// Renders into `directory`.
    func render(into directory: String, options: SiteOptions = SiteFixture.options) throws -> StaticSite.Outcome {
        let contents = self.contents
        return try StaticSite(directory: directory, options: options).update(feeds: feeds, articles: articles) { contents[$0] }
    }

    /// Every regular file under `root`, relative paths, sorted.
    static func files(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }

    /// `/usr/bin/python3` when present (the Debian one, which has python3-feedparser), else `python3` on PATH.
    static let python: [String] = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        ? ["/usr/bin/python3"] : ["/usr/bin/env", "python3"]

    /// Runs a helper script from Fixtures/ with python; returns stdout.
    static func runPython(_ script: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python[0])
        process.arguments = Array(python.dropFirst()) + [directory + "/" + script] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
