import Foundation

/// A whole feed document as the parser read it. Immutable once built.
public struct ParsedFeed: Sendable, Equatable, Codable {
    public var format: FeedFormat
    public var title: String?
    /// The site's home page (absolute).
    public var link: String?
    public var description: String?
    public var language: String?
    public var updated: Date?
    /// The feed's picture (absolute): `itunes:image`, RSS `<image><url>`, Atom
    /// `<logo>` then `<icon>`, JSON Feed `icon`.
    public var image: String?
    /// The feed's own URL as the publisher states it (absolute): Atom `<link rel="self">`,
    /// `atom:link rel="self"` in an RSS channel.
    public var selfLink: String?
    /// WebSub hubs (absolute, each once, in document order): `rel="hub"` links.
    public var hubs: [String]
    /// Copyright or licence, as plain text: RSS `<copyright>`, Atom `<rights>`, else `dc:rights` / `dcterms:rights`.
    public var rights: String?
    public var entries: [ParsedEntry]
    /// How often the publisher says the feed changes (`<ttl>`, `sy:updatePeriod`/`sy:updateFrequency`):
    /// a scheduling hint that can only lengthen the polling interval.
    public var ttl: TimeInterval?
    /// RSS `<skipHours>`: hours (0–23, UTC) in which the publisher asks not to be fetched.
    public var skipHours: [Int] = []
    /// RSS `<skipDays>`: weekdays (0 = Sunday … 6 = Saturday) on which not to fetch.
    public var skipDays: [Int] = []
    /// Problems the parser recovered from ("line 12: Opening and ending tag mismatch"),
    /// for the user's information; the feed was still read.
    public var warnings: [String]

    public init(
        format: FeedFormat, title: String? = nil, link: String? = nil, description: String? = nil,
        language: String? = nil, updated: Date? = nil, image: String? = nil,
        selfLink: String? = nil, hubs: [String] = [], rights: String? = nil, entries: [ParsedEntry] = [], ttl: TimeInterval? = nil,
        warnings: [String] = []
    ) {
        self.format = format
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.updated = updated
        self.image = image
        self.selfLink = selfLink
        self.hubs = hubs
        self.rights = rights
        self.entries = entries
        self.ttl = ttl
        self.warnings = warnings
    }
}
