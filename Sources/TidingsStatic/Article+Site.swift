import TidingsModel

extension Article {
    /// The original link when it is a web link: a feed can give anything (`javascript:`), and
    /// the site republishes only http(s).
    public var webLink: String? { link.flatMap { HTTPScheme.isWebLink($0) ? $0 : nil } }

    /// The title shown; articles without one are named by their date.
    public var displayTitle: String {
        if let title, !title.isEmpty { return title }
        return "Untitled (\(Markup.day(date)))"
    }
}
