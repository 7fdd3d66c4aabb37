import Foundation
import TidingsModel

/// One entry while its element is open. Competing sources for the same field
/// are kept apart and ranked only in `build(appendingTo:)`, so element order never matters.
///
/// The entry's own fields are written straight into `fields`, a `ParsedEntry`
/// that `build(appendingTo:)` swaps into the list whole (see there for why).
struct EntryBuilder {
    /// id, title, link, published (pubDate, Atom published), updated, authors,
    /// summary, content, categories, enclosures, rights (Atom `<rights>`),
    /// commentsURL, commentCount: as the entry will have them.
    var fields = ParsedEntry()
    /// The id is an RSS `<guid>` that is a permalink (isPermaLink not "false"
    /// and absolute http): the link when there is no other.
    var idIsPermalink = false

    // Fallbacks: sources used only when the entry's own field is missing.
    // Writing any of them sets `hasFallbacks`, so that the many entries with
    // none skip looking at (and clearing) them all in `build`.

    /// `atom:link rel="alternate"` inside RSS: the link only when there is no `<link>`.
    var alternateLink: String? { didSet { hasFallbacks = true } }
    /// Atom `<content src="…">` of an HTML type: the link of last resort.
    var contentSource: String? { didSet { hasFallbacks = true } }
    /// dc:date: the published date when there is no pubDate.
    var dcDate: Date? { didSet { hasFallbacks = true } }
    /// Media RSS and iTunes: title, summary, author, picture, duration, explicit.
    var media = MediaFields() { didSet { hasFallbacks = true } }
    /// `dc:rights` / `dcterms:rights`: stand in when Atom `<rights>` is missing.
    var dcRights: String? { didSet { hasFallbacks = true } }
    /// `georss:point`, else the W3C `geo:lat` / `geo:long` pair.
    var georssPoint: GeoPoint? { didSet { hasFallbacks = true } }
    var geoLatitude: Double? { didSet { hasFallbacks = true } }
    var geoLongitude: Double? { didSet { hasFallbacks = true } }
    private(set) var hasFallbacks = false
    /// xml:base in effect on the entry element, and on its content/summary elements.
    var baseURL: String?
    var contentBase: String?
    var summaryBase: String?

    mutating func addAuthor(_ name: String?) {
        guard let name, !fields.authors.containsName(name) else { return }
        fields.authors.append(name)
    }

    mutating func addCategory(_ name: String?) {
        guard let name, !fields.categories.containsName(name) else { return }
        // Entries with categories mostly have a few: one allocation, not one
        // per append (an empty array's first append makes room for one).
        if fields.categories.isEmpty { fields.categories.reserveCapacity(4) }
        fields.categories.append(name)
    }

    mutating func addEnclosure(url: String?, type: String?, length: String?) {
        guard let url, !url.isEmpty else { return }
        let type = type.flatMap(TextCleaning.trimmed)
        let length = length.flatMap { Int64($0.trimmingASCIIWhitespace()) }.flatMap { $0 >= 0 ? $0 : nil }
        // The same file named twice (`<enclosure>` and `media:content`): one
        // enclosure, with what either said.
        if let i = fields.enclosures.firstIndex(where: { $0.url == url }) {
            if fields.enclosures[i].type == nil { fields.enclosures[i].type = type }
            if fields.enclosures[i].length == nil { fields.enclosures[i].length = length }
            return
        }
        fields.enclosures.append(Enclosure(url: url, type: type, length: length))
    }

    /// Appends the finished entry to `entries`: fallbacks filled in where the
    /// entry's own field is missing, then `fields` moved into the list.
    ///
    /// Leaves the builder empty, field by field: every stored property is
    /// taken or cleared here or in `useFallbacks` (a test checks that nothing
    /// leaks into the next entry). Assigning a new builder instead, or
    /// returning the entry, made the optimizer copy whole builders and
    /// entries: 2,000 instructions and two dozen atomic reference counts per entry.
    mutating func build(appendingTo entries: inout [ParsedEntry]) {
        if hasFallbacks || (idIsPermalink && fields.link == nil) { useFallbacks() }
        idIsPermalink = false
        let baseURL = self.baseURL.take(), contentBase = self.contentBase.take(), summaryBase = self.summaryBase.take()
        // `case .some`, not `!= nil`: on an Equatable optional that picks the
        // Equatable `!=`, which copies the body (a retain and a release).
        if case .some = fields.content {
            fields.baseURL = contentBase ?? baseURL
        } else if case .some = fields.summary {
            fields.baseURL = summaryBase ?? baseURL
        } else {
            fields.baseURL = baseURL
        }
        // Moved into the list and the slot made empty again: no copy, so no
        // retain and release of every field (appending an empty entry and
        // swapping copied that one, field by field).
        withUnsafeMutablePointer(to: &fields) { slot in
            entries.append(slot.move())
            UnsafeMutableRawPointer(slot).copyMemory(from: Self.emptyEntry, byteCount: MemoryLayout<ParsedEntry>.size)
        }
    }

    /// The bytes of an empty `ParsedEntry`, copied over a moved-out one to
    /// make it empty again. An empty entry holds no reference that needs
    /// counting (nils, and the immortal empty-array storage), so its bytes
    /// can be copied as they are; `ParsedEntry()` built the value on the stack
    /// and ran its copy and destroy witnesses, 700 instructions per entry.
    nonisolated(unsafe) private static let emptyEntry: UnsafeRawPointer = {
        let empty = UnsafeMutablePointer<ParsedEntry>.allocate(capacity: 1)
        empty.initialize(to: ParsedEntry())
        return UnsafeRawPointer(empty) // never freed: one per process
    }()

    /// Fills the entry's missing fields from the fallbacks, and clears them all.
    @inline(never)
    private mutating func useFallbacks() {
        let mediaTitle = media.title.take()
        if case .none = fields.titleText { fields.title = mediaTitle }
        let alternateLink = self.alternateLink.take(), contentSource = self.contentSource.take()
        if fields.link == nil { fields.link = alternateLink ?? (idIsPermalink ? fields.id : nil) ?? contentSource }
        if fields.published == nil { fields.published = dcDate }
        dcDate = nil
        let itunesAuthor = media.itunesAuthor.take()
        if fields.authors.isEmpty, let itunesAuthor { fields.authors = [itunesAuthor] }
        let mediaDescription = media.mediaDescription.take(), itunesSummary = media.itunesSummary.take(), itunesSubtitle = media.itunesSubtitle.take()
        if fields.summary == nil { fields.summary = mediaDescription ?? itunesSummary ?? itunesSubtitle }
        let itunesImage = media.itunesImage.take(), thumbnail = media.thumbnail.take(), imageContent = media.imageContent.take()
        fields.image = itunesImage ?? thumbnail ?? imageContent
        fields.duration = media.duration.take()
        fields.explicit = media.explicit.take()
        let dcRights = self.dcRights.take()
        if fields.rights == nil { fields.rights = dcRights }
        fields.location = georssPoint.take() ?? geoLatitude.take().flatMap { lat in geoLongitude.flatMap { GeoPoint(latitude: lat, longitude: $0) } }
        geoLongitude = nil
        hasFallbacks = false // last: clearing them set it
    }
}

/// Channel-level fields while the document is read.
struct FeedBuilder {
    var title: String?
    var link: String?
    var alternateLink: String?
    var description: String?
    var language: String?
    var rootLanguage: String?
    var lastBuildDate: Date?
    var dcDate: Date?
    var pubDate: Date?
    var updated: Date?
    /// Atom feed-level authors, inherited by entries without their own.
    var authors: [String] = []
    /// RSS `<ttl>` (minutes) and the syndication module's period and frequency.
    var ttlMinutes: Int?
    var updatePeriod: String?
    var updateFrequency: Int?
    /// RSS `<skipHours>` (0–23, GMT) and `<skipDays>` (0 = Sunday).
    var skipHours: [Int] = []
    var skipDays: [Int] = []
    /// `itunes:author`: the feed's author when it names none otherwise.
    var itunesAuthor: String?
    /// `itunes:summary`, `itunes:subtitle`: the description of last resort.
    var itunesSummary: String?
    var itunesSubtitle: String?
    /// Feed pictures, best first when built.
    var itunesImage: String?
    var rssImage: String?
    var atomLogo: String?
    var atomIcon: String?
    /// `rel="self"` and `rel="hub"` links (Atom, or `atom:link` in RSS), absolute.
    var selfLink: String?
    var hubs: [String] = []
    /// RSS `<copyright>` / Atom `<rights>`; `dc:rights` / `dcterms:rights` stand in when it is missing.
    var rights: String?
    var dcRights: String?

    mutating func addHub(_ url: String?) {
        guard let url, !url.isEmpty, !hubs.contains(url) else { return }
        hubs.append(url)
    }

    /// How often the publisher says the feed changes, in seconds: `<ttl>` when
    /// given, else `sy:updatePeriod` / `sy:updateFrequency` (default: daily, once).
    /// A hint for scheduling; nil when the feed says nothing usable.
    var refreshInterval: TimeInterval? {
        if let ttlMinutes, ttlMinutes > 0 { return TimeInterval(ttlMinutes) * 60 }
        guard updatePeriod != nil || updateFrequency != nil else { return nil }
        let period: TimeInterval
        switch updatePeriod ?? "daily" {
        case "hourly": period = 3600
        case "daily": period = 86400
        case "weekly": period = 7 * 86400
        case "monthly": period = 30 * 86400
        case "yearly": period = 365 * 86400
        default: return nil
        }
        let frequency = max(1, updateFrequency ?? 1)
        return period / TimeInterval(frequency)
    }

    func build(format: FeedFormat, entries: [ParsedEntry], warnings: [String]) -> ParsedFeed {
        var parsed = ParsedFeed(
            format: format,
            title: title,
            link: link ?? alternateLink,
            description: description ?? itunesSummary ?? itunesSubtitle,
            language: language ?? rootLanguage,
            updated: updated ?? lastBuildDate ?? dcDate ?? pubDate,
            image: itunesImage ?? rssImage ?? atomLogo ?? atomIcon,
            selfLink: selfLink,
            hubs: hubs,
            rights: rights ?? dcRights,
            entries: entries,
            ttl: refreshInterval,
            warnings: warnings
        )
        // Most feeds have neither: no Set made for them.
        if !skipHours.isEmpty { parsed.skipHours = Array(Set(skipHours)).sorted() }
        if !skipDays.isEmpty { parsed.skipDays = Array(Set(skipDays)).sorted() }
        return parsed
    }
}

extension Array where Element == String {
    /// `name` is in the list, written the same way (byte for byte). A name
    /// listed twice is listed twice as the same bytes; `contains` would compare
    /// by canonical equivalence, which for names beyond ASCII (`Économie`)
    /// checks normalization on every pair: a third of what a category cost.
    func containsName(_ name: String) -> Bool {
        let count = name.utf8.count
        return contains { $0.utf8.count == count && $0.utf8.elementsEqual(name.utf8) }
    }
}
