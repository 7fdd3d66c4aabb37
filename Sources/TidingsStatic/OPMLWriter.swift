/// OPML 2.0 (http://opml.org/spec2.opml) subscription lists: the site's feeds.opml and
/// `tidings opml export`. One flat outline per feed; tags go in `category` (comma-separated,
/// as the spec has it), a custom title in `text` and `title`.
public enum OPMLWriter {
    public struct Outline: Sendable, Equatable {
        public var title: String?
        public var xmlURL: String
        public var htmlURL: String?
        public var tags: [String]

        public init(title: String?, xmlURL: String, htmlURL: String? = nil, tags: [String] = []) {
            self.title = title
            self.xmlURL = xmlURL
            self.htmlURL = htmlURL
            self.tags = tags
        }
    }

    public static func render(_ outlines: [Outline], title: String = "Tidings subscriptions") -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n<head>\n"
        out += "<title>\(Markup.escape(title))</title>\n</head>\n<body>\n"
        for outline in outlines {
            // `text` is required; a feed without a title is named by its URL (import ignores that).
            let text = outline.title ?? outline.xmlURL
            out += "<outline type=\"rss\" text=\"\(Markup.escape(text))\""
            if let title = outline.title { out += " title=\"\(Markup.escape(title))\"" }
            out += " xmlUrl=\"\(Markup.escape(outline.xmlURL))\""
            if let html = outline.htmlURL { out += " htmlUrl=\"\(Markup.escape(html))\"" }
            let tags = outline.tags.filter { !$0.contains(",") }
            if !tags.isEmpty { out += " category=\"\(Markup.escape(tags.joined(separator: ",")))\"" }
            out += "/>\n"
        }
        out += "</body>\n</opml>\n"
        return out
    }
}
