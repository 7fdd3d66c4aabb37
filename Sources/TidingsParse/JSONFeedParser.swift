import Foundation
import TidingsModel

/// JSON Feed 1.0 and 1.1. Spec: https://www.jsonfeed.org/version/1.1/
/// 1.1 replaced `author` with `authors`; both are read.
enum JSONFeedParser {
    static func parse(_ bytes: [UInt8], documentURL: String?) throws(FeedParseError) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw FeedParseError("not a feed: invalid JSON")
        }
        guard let root = object as? [String: Any] else { throw FeedParseError("not a feed: JSON that is not an object") }
        guard let version = root["version"] as? String, version.contains("jsonfeed.org/version/") else {
            throw FeedParseError("not a feed: JSON without a JSON Feed \"version\"")
        }
        let base = documentURL.flatMap(TextCleaning.trimmed)
        var feed = ParsedFeed(format: .jsonfeed)
        feed.title = string(root["title"]).flatMap { TextCleaning.plainText($0, isHTML: false) }
        feed.link = string(root["home_page_url"]).flatMap { URLResolver.resolve($0, against: base) }
        feed.description = string(root["description"]).flatMap { TextCleaning.plainText($0, isHTML: false) }
        feed.language = string(root["language"]).flatMap(TextCleaning.collapse)
        // `icon` is the feed's picture (512×512); `favicon` is for lists, tiny.
        feed.image = (string(root["icon"]) ?? string(root["favicon"])).flatMap { URLResolver.resolve($0, against: base) }
        feed.selfLink = string(root["feed_url"]).flatMap { URLResolver.resolve($0, against: base) }
        // `hubs`: [{"type": "WebSub", "url": …}]; other hub types (rssCloud) are not WebSub.
        for case let hub as [String: Any] in root["hubs"] as? [Any] ?? [] {
            guard string(hub["type"])?.trimmingASCIIWhitespace().lowercased() == "websub",
                  let url = string(hub["url"]).flatMap({ URLResolver.resolve($0, against: base) }),
                  !feed.hubs.contains(url) else { continue }
            feed.hubs.append(url)
        }
        let feedAuthors = authors(root)
        let items = root["items"] as? [Any] ?? []
        if root["items"] != nil && !(root["items"] is [Any]) { feed.warnings.append("\"items\" is not an array") }
        var entry = EntryBuilder()
        for case let item as [String: Any] in items.prefix(FeedHandler.maxEntries) {
            entry.baseURL = base
            entry.fields.id = string(item["id"]).flatMap(TextCleaning.trimmed)
            entry.fields.title = string(item["title"]).flatMap { TextCleaning.plainText($0, isHTML: false) }
            entry.fields.link = (string(item["url"]) ?? string(item["external_url"])).flatMap { URLResolver.resolve($0, against: base) }
            entry.fields.published = string(item["date_published"]).flatMap(DateParser.parse)
            entry.fields.updated = string(item["date_modified"]).flatMap(DateParser.parse)
            for name in authors(item).isEmpty ? feedAuthors : authors(item) { entry.addAuthor(name) }
            entry.fields.summary = string(item["summary"]).flatMap(TextCleaning.trimmed).map { UTF8Text(TextCleaning.escapeHTML($0)) }
            entry.fields.content = (string(item["content_html"]).flatMap(TextCleaning.trimmed)
                ?? string(item["content_text"]).flatMap(TextCleaning.trimmed).map(TextCleaning.escapeHTML)).map { UTF8Text($0) }
            entry.media.imageContent = (string(item["image"]) ?? string(item["banner_image"]))
                .flatMap { URLResolver.resolve($0, against: base) }
            for case let tag as String in item["tags"] as? [Any] ?? [] {
                entry.addCategory(TextCleaning.plainText(tag, isHTML: false))
            }
            for case let attachment as [String: Any] in item["attachments"] as? [Any] ?? [] {
                let size = (attachment["size_in_bytes"] as? NSNumber).map { "\($0.int64Value)" }
                entry.addEnclosure(url: string(attachment["url"]).flatMap { URLResolver.resolve($0, against: base) },
                                   type: string(attachment["mime_type"]), length: size)
            }
            entry.build(appendingTo: &feed.entries)
        }
        if items.count > FeedHandler.maxEntries { feed.warnings.append("stopped after \(FeedHandler.maxEntries) entries") }
        return feed
    }

    /// Strings as JSON Feed writes them; ids are sometimes numbers in the wild.
    private static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber where !(value is Bool): return n.stringValue
        default: return nil
        }
    }

    private static func authors(_ object: [String: Any]) -> [String] {
        var list: [[String: Any]] = []
        if let many = object["authors"] as? [Any] { list = many.compactMap { $0 as? [String: Any] } }
        if list.isEmpty, let one = object["author"] as? [String: Any] { list = [one] }
        return list.compactMap { string($0["name"]).flatMap { TextCleaning.plainText($0, isHTML: false) } }
    }
}
