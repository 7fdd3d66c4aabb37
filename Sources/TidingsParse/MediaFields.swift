import TidingsModel

/// What an entry's Media RSS (`media:`) and iTunes podcast (`itunes:`)
/// elements say. Most of it only stands in for a field the entry lacks
/// (YouTube's Atom puts the description in `media:description`, podcasts
/// often have no `<author>`), so each source is kept apart and ranked in the
/// computed properties, whatever order the elements came in.
struct MediaFields {
    /// `media:title`, as plain text: the title when there is no other.
    var title: String?
    /// `media:description`, `itunes:summary`, `itunes:subtitle`, as HTML
    /// (plain text already escaped): the summary when there is none, in that order.
    var mediaDescription: UTF8Text?
    var itunesSummary: UTF8Text?
    var itunesSubtitle: UTF8Text?
    /// `itunes:author`: the author when there is none.
    var itunesAuthor: String?
    /// Pictures, absolute: `itunes:image`, the first `media:thumbnail`, the
    /// first `media:content` that is an image.
    var itunesImage: String?
    var thumbnail: String?
    var imageContent: String?
    var duration: Int?
    var explicit: Bool?
}
