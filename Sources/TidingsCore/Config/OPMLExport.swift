import TidingsStatic

/// `tidings opml export`: the feeds file as OPML 2.0 (custom titles, tags as categories).
public enum OPMLExport {
    public static func render(_ list: FeedList) -> String {
        OPMLWriter.render(list.feeds.map { OPMLWriter.Outline(title: $0.title, xmlURL: $0.url, tags: $0.tags) })
    }
}
