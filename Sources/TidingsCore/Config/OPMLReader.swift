import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TidingsModel

/// Reads the subscriptions out of an OPML file, as real-world exporters write them.
///
/// What turns up in the wild: outlines nested in folders (the folder names become tags),
/// `xmlUrl` spelled `xmlurl` or `XMLURL`, feeds with only `text` or only `title` or neither,
/// `category="/News,Tech"` lists, and `type` missing or `"atom"`. Any outline with a feed URL
/// is a feed, whatever its `type`; an outline without one is a folder.
public enum OPMLReader {
    public struct Feed: Sendable, Equatable {
        public var url: String
        /// `title`, else `text`; nil when missing or the URL itself.
        public var title: String?
        public var siteURL: String?
        public var tags: [String]
    }

    public static func read(_ data: Data, file: String) throws(TidingsError) -> [Feed] {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if !ok && delegate.feeds.isEmpty {
            let line = parser.lineNumber
            throw TidingsError(stage: .config, message: "not readable OPML (line \(line): \(parser.parserError?.localizedDescription ?? "malformed XML")); "
                + "export your subscriptions again as OPML", file: file)
        }
        if !delegate.sawOPML {
            throw TidingsError(stage: .config, message: "not an OPML file (no <opml> element)", file: file)
        }
        return delegate.feeds
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var feeds: [Feed] = []
        var sawOPML = false
        /// For each open <outline>: the folder name it adds, if it is a folder.
        private var folders: [String?] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            let element = name.lowercased()
            if element == "opml" { sawOPML = true }
            guard element == "outline" else { return }
            var lower: [String: String] = [:]
            for (key, value) in attributes { lower[key.lowercased()] = value.trimmingCharacters(in: .whitespacesAndNewlines) }
            let label = [lower["title"], lower["text"]].compactMap { $0 }.first { !$0.isEmpty }
            guard let url = lower["xmlurl"].flatMap({ $0.isEmpty ? nil : $0 }) else {
                folders.append(label)
                return
            }
            folders.append(nil)
            var tags = folders.compactMap { $0 }
            for category in (lower["category"] ?? "").split(separator: ",") {
                let tag = category.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
            }
            let title = label.flatMap { $0 == url ? nil : $0 }
            feeds.append(Feed(url: url, title: title, siteURL: lower["htmlurl"].flatMap { $0.isEmpty ? nil : $0 }, tags: tags))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name.lowercased() == "outline" { _ = folders.popLast() }
        }
    }
}
