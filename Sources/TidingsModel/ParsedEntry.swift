import Foundation

/// One article as the parser read it: plain values, no policy.
///
/// Conventions every parser follows:
/// - `title` is plain text: entities decoded, markup stripped, whitespace collapsed;
///   kept as UTF-8 bytes (`titleText`), a `String` made when asked for.
/// - `link` and enclosure URLs are absolute (resolved against `xml:base` and the document URL).
/// - `summary` and `content` are HTML (plain-text sources are escaped into HTML), kept as
///   UTF-8 bytes (`UTF8Text`) until someone needs a `String`;
///   relative URLs inside them are left as written, and `baseURL` says what they are relative to.
/// - Dates are `nil` when missing or unreadable, never "now".
public struct ParsedEntry: Sendable, Equatable, Codable {
    /// guid (RSS), id (Atom, JSON Feed), rdf:about (RSS 1.0); trimmed, `nil` when missing or empty.
    public var id: String?
    /// The title as UTF-8 (see `title`): most entries of a feed were seen
    /// before and their title is never shown, so the parser keeps the bytes it
    /// read (often a slice of the document) rather than making a `String`.
    public var titleText: UTF8Text?
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [String]
    public var summary: UTF8Text?
    public var content: UTF8Text?
    public var categories: [String]
    public var enclosures: [Enclosure]
    /// A picture for the entry (absolute): `itunes:image`, else `media:thumbnail`,
    /// else an image `media:content`; JSON Feed `image` / `banner_image`.
    public var image: String?
    /// Running time in seconds (`itunes:duration`); `nil` when missing or unreadable.
    public var duration: Int?
    /// `itunes:explicit`: `true` explicit, `false` clean, `nil` unsaid or unreadable.
    public var explicit: Bool?
    /// Copyright or licence, as plain text: Atom `<rights>`, else `dc:rights` / `dcterms:rights`.
    public var rights: String?
    /// The page with the entry's comments (absolute): RSS `<comments>`.
    public var commentsURL: String?
    /// How many comments the entry has (`slash:comments`); `nil` when unsaid or not a non-negative integer.
    public var commentCount: Int?
    /// Where the entry is about: GeoRSS `georss:point`, else W3C `geo:lat` + `geo:long`.
    public var location: GeoPoint?
    /// The base for relative URLs in `summary` and `content` (xml:base in effect, else the document URL).
    public var baseURL: String?

    /// `ParsedEntry()` holds no counted reference (nils and empty arrays, whose
    /// storage is immortal): the parser copies its bytes to empty its entry
    /// builder (`EntryBuilder.build`). Keep every default that way.
    public init(
        id: String? = nil, title: String? = nil, link: String? = nil,
        published: Date? = nil, updated: Date? = nil, authors: [String] = [],
        summary: UTF8Text? = nil, content: UTF8Text? = nil, categories: [String] = [],
        enclosures: [Enclosure] = [], image: String? = nil, duration: Int? = nil, explicit: Bool? = nil,
        rights: String? = nil, commentsURL: String? = nil, commentCount: Int? = nil, location: GeoPoint? = nil,
        baseURL: String? = nil
    ) {
        self.id = id
        self.titleText = title.map { UTF8Text($0) }
        self.link = link
        self.published = published
        self.updated = updated
        self.authors = authors
        self.summary = summary
        self.content = content
        self.categories = categories
        self.enclosures = enclosures
        self.image = image
        self.duration = duration
        self.explicit = explicit
        self.rights = rights
        self.commentsURL = commentsURL
        self.commentCount = commentCount
        self.location = location
        self.baseURL = baseURL
    }

    public var title: String? {
        get { titleText?.string }
        set { titleText = newValue.map { UTF8Text($0) } }
    }

    /// The date shown to readers: published, else updated.
    public var date: Date? { published ?? updated }

    /// As before `titleText`: the title is `"title"`.
    enum CodingKeys: String, CodingKey {
        case id, titleText = "title", link, published, updated, authors, summary, content, categories
        case enclosures, image, duration, explicit, rights, commentsURL, commentCount, location, baseURL
    }
}
