import Foundation
import TidingsModel

/// One entry while its element is open. Competing sources for the same field
/// are kept apart and ranked only in `build()`, so element order never matters.
struct EntryBuilder {
    var id: String?
    var title: String?
    var link: String?
    /// RSS `<guid>` that is a permalink (isPermaLink not "false" and absolute http).
    var permalinkGUID: String?
    /// `atom:link rel="alternate"` inside RSS: the link only when there is no `<link>`.
    var alternateLink: String?
    /// Atom `<content src="…">` of an HTML type: the link of last resort.
    var contentSource: String?
    var published: Date?
    /// dc:date: the published date when there is no pubDate.
    var dcDate: Date?
    var updated: Date?
    var authors: [String] = []
    var summary: UTF8Text?
    var content: UTF8Text?
    var categories: [String] = []
    var enclosures: [Enclosure] = []
    /// Media RSS and iTunes fallbacks, used only when the entry's own field is missing.
    var media = MediaFields()
    /// Atom `<rights>`; `dc:rights` / `dcterms:rights` stand in when it is missing.
    var rights: String?
    var dcRights: String?
    var commentsURL: String?
    var commentCount: Int?
    /// `georss:point`, else the W3C `geo:lat` / `geo:long` pair.
    var georssPoint: GeoPoint?
    var geoLatitude: Double?
    var geoLongitude: Double?
    /// xml:base in effect on the entry element, and on its content/summary elements.
    var baseURL: String?
    var contentBase: String?
    var summaryBase: String?

    mutating func addAuthor(_ name: String?) {
        guard let name, !authors.contains(name) else { return }
        authors.append(name)
    }

    mutating func addCategory(_ name: String?) {
        guard let name, !categories.contains(name) else { return }
        // Entries with categories mostly have a few: one allocation, not one
        // per append (an empty array's first append makes room for one).
        if categories.isEmpty { categories.reserveCapacity(4) }
        categories.append(name)
    }

    mutating func addEnclosure(url: String?, type: String?, length: String?) {
        guard let url, !url.isEmpty else { return }
        let type = type.flatMap(TextCleaning.trimmed)
        let length = length.flatMap { Int64($0.trimmingASCIIWhitespace()) }.flatMap { $0 >= 0 ? $0 : nil }
        // The same file named twice (`<enclosure>` and `media:content`): one
        // enclosure, with what either said.
        if let i = enclosures.firstIndex(where: { $0.url == url }) {
            if enclosures[i].type == nil { enclosures[i].type = type }
            if enclosures[i].length == nil { enclosures[i].length = length }
            return
        }
        enclosures.append(Enclosure(url: url, type: type, length: length))
    }

    /// Moves the fields out into the entry (`take()`, `swap`: no reference
    /// counting per field) and leaves the builder empty. Copying them out of
    /// the handler's stored builder and destroying it after cost a retain and
    /// a release per field per entry.
    mutating func build() -> ParsedEntry {
        var authors: [String] = [], categories: [String] = [], enclosures: [Enclosure] = []
        swap(&authors, &self.authors)
        swap(&categories, &self.categories)
        swap(&enclosures, &self.enclosures)
        let summary = self.summary.take(), content = self.content.take()
        let base = content != nil ? (contentBase.take() ?? baseURL.take()) : (summary != nil ? (summaryBase.take() ?? baseURL.take()) : baseURL.take())
        return ParsedEntry(
            id: id.take(),
            title: title.take() ?? media.title.take(),
            link: link.take() ?? alternateLink.take() ?? permalinkGUID.take() ?? contentSource.take(),
            published: published ?? dcDate,
            updated: updated,
            authors: authors.isEmpty ? (media.itunesAuthor.take().map { [$0] } ?? []) : authors,
            summary: summary ?? media.mediaDescription.take() ?? media.itunesSummary.take() ?? media.itunesSubtitle.take(),
            content: content,
            categories: categories,
            enclosures: enclosures,
            image: media.itunesImage.take() ?? media.thumbnail.take() ?? media.imageContent.take(),
            duration: media.duration,
            explicit: media.explicit,
            rights: rights.take() ?? dcRights.take(),
            commentsURL: commentsURL.take(),
            commentCount: commentCount,
            location: georssPoint ?? geoLatitude.flatMap { lat in geoLongitude.flatMap { GeoPoint(latitude: lat, longitude: $0) } },
            baseURL: base
        )
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
