import TidingsModel

/// Builds a `ParsedFeed` from the SAX events of an RSS, RDF or Atom document.
/// This file holds what all XML formats share: depth, `xml:base`, `xml:lang`,
/// root sniffing and text capture. The per-format element tables live in
/// `FeedHandler+RSS.swift` and `FeedHandler+Atom.swift`.
///
/// Stored properties are `@exclusivity(unchecked)`: the handler is driven by
/// one parse on one thread, synchronously, and no method keeps an inout access
/// open across a call back into it; the dynamic checks Swift otherwise makes on
/// every access to a class property were 3% of all instructions in a parse.
final class FeedHandler {
    static let maxFieldBytes = TextSink.maxBytes
    static let maxEntries = 20_000

    let documentURL: String?
    @exclusivity(unchecked) var format: FeedFormat?
    @exclusivity(unchecked) var failure: FeedParseError?
    @exclusivity(unchecked) var wantsToStop = false
    @exclusivity(unchecked) var warnings: [String] = []

    @exclusivity(unchecked) var namespaces = NamespaceCache()
    /// Depth of the element being read (root = 1).
    @exclusivity(unchecked) var depth = 0
    /// Depth of the element being captured (`capture?.depth`, kept apart so the
    /// check on every tag copies nothing); 0 when none.
    @exclusivity(unchecked) var captureDepth = 0
    /// Depth of the innermost element with an `xml:base`; 0 when none.
    @exclusivity(unchecked) var baseDepth = 0
    /// `xml:base` values in effect, each with the depth of the element that set it.
    @exclusivity(unchecked) var bases: [(depth: Int, url: String)] = []
    /// Depth of the RSS `<channel>` / Atom `<feed>`: feed fields are its children.
    @exclusivity(unchecked) var channelDepth = 0
    /// Inside `<image>`, `<textinput>`, Atom `<source>`: titles and links there are not ours.
    @exclusivity(unchecked) var skipDepth = 0
    /// Depth of the channel's RSS `<image>` while it is skipped: its `<url>` is still read.
    @exclusivity(unchecked) var rssImageDepth = 0
    /// Inside RSS `<skipHours>` / `<skipDays>` (a direct child of the channel).
    @exclusivity(unchecked) var scheduleSkip: ScheduleSkip?
    enum ScheduleSkip { case hours, days }
    @exclusivity(unchecked) var authorDepth = 0
    @exclusivity(unchecked) var pendingAuthorName: String?
    @exclusivity(unchecked) var pendingAuthorEmail: String?

    @exclusivity(unchecked) var feed = FeedBuilder()
    /// The open entry (meaningful while `hasEntry`). Not optional: every
    /// `entry!.field = …` on an optional copied the whole builder, retaining
    /// and releasing each of its fields, once per captured field.
    @exclusivity(unchecked) var entry = EntryBuilder()
    /// Depth of the open entry's element; 0 when no entry is open.
    @exclusivity(unchecked) var entryDepth = 0
    var hasEntry: Bool { entryDepth != 0 }
    /// The Atom alternate link taken so far (entry / feed) was typed text/html:
    /// a later HTML alternate only replaces a link that was not.
    @exclusivity(unchecked) var entryLinkIsHTML = false
    @exclusivity(unchecked) var feedLinkIsHTML = false
    @exclusivity(unchecked) var entries: [ParsedEntry] = []

    @exclusivity(unchecked) var capture: Capture?
    /// The captured field's text; the SAX layer appends to it directly.
    let sink: UnsafeMutablePointer<TextSink>
    var textSink: UnsafeMutablePointer<TextSink> { sink }

    /// What a captured element's text is for and how its children are treated.
    struct Capture {
        var field: Field
        var mode: Mode
        var depth: Int
        var inEntry: Bool
        /// For Atom xhtml: depth of the wrapping `<div>` whose tags are dropped.
        var wrapperDepth = 0
        var titleKind: TitleKind = .sniff
        var isPermaLink = true
    }

    enum Field { case title, link, description, id, guid, published, dcDate, updated, lastBuildDate, pubDate, language, author, authorName, authorEmail, category, summary, content, ttl, updatePeriod, updateFrequency, skipHour, skipDay,
        // FeedHandler+Media.swift
        mediaTitle, mediaDescription, itunesAuthor, itunesSummary, itunesSubtitle, duration, explicit, rssImage, atomLogo, atomIcon,
        // RSS <copyright>, Atom <rights> / dc:rights, dcterms:rights; FeedHandler+Namespaces.swift
        rights, dcRights, comments, commentCount, georssPoint, geoLatitude, geoLongitude }

    enum Mode {
        /// Characters only; child tags ignored.
        case text
        /// HTML carried as text (escaped or CDATA); stray child tags are re-serialised.
        case html
        /// Inline XHTML (Atom type="xhtml"): child tags re-serialised, text escaped.
        case xhtml
        /// Plain text that must become HTML (Atom type="text"): escaped at the end.
        case plain
    }

    enum TitleKind { case sniff, text, html }

    /// `documentSize`: the document's length, to size the entry list once
    /// (growing it by doubling moved every entry again and touched fresh pages
    /// each time: 1.5% of the time on a 50 MB feed). Capacity that is never
    /// written costs address space only.
    init(documentURL: String?, documentSize: Int = 0) {
        self.documentURL = documentURL
        entries.reserveCapacity(min(Self.maxEntries, documentSize / 2048 + 8))
        sink = .allocate(capacity: 1)
        sink.initialize(to: TextSink())
    }

    deinit {
        sink.pointee.release()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }

    var currentBase: String? { bases.last?.url ?? documentURL }

    // MARK: SAX events

    func startElement(_ element: SAXElement) {
        depth += 1
        if captureDepth != 0 {
            serializeStart(element)
            return
        }
        if skipDepth > 0 {
            if rssImageDepth == skipDepth, depth == skipDepth + 1 { rssImageChild(element) }
            return
        }
        if element.attributeCount > 0 { readXMLAttributes(element) }
        let ns = namespaces.lookup(element.namespace)
        if depth == 1 {
            detectFormat(element, ns)
            return
        }
        switch format {
        case .atom10?, .atom03?: atomStart(element, ns)
        case .some: rssStart(element, ns)
        case nil: break
        }
    }

    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        let depth = self.depth
        defer {
            if baseDepth == depth {
                bases.removeLast()
                baseDepth = bases.last?.depth ?? 0
            }
            self.depth = depth - 1
        }
        if captureDepth != 0 {
            if depth == captureDepth, let capture = capture.take() { // moved out, not copied
                sink.pointee.end()
                captureDepth = 0
                finishCapture(capture)
            } else {
                serializeEnd(localName)
            }
            return
        }
        if skipDepth > 0 {
            if depth == skipDepth { skipDepth = 0; rssImageDepth = 0 }
            return
        }
        if depth == entryDepth, hasEntry {
            finishEntry()
            return
        }
        if depth == authorDepth {
            authorDepth = 0
            if let name = pendingAuthorName ?? pendingAuthorEmail {
                if hasEntry { entry.addAuthor(name) } else if !feed.authors.containsName(name) { feed.authors.append(name) }
            }
            pendingAuthorName = nil
            pendingAuthorEmail = nil
        }
    }

    // MARK: Document structure

    private func detectFormat(_ element: SAXElement, _ ns: Namespace) {
        let name = element.localName
        if ByteName.equalsIgnoringCase(name, "html") {
            fail(FeedParseError.htmlPage)
        } else if ByteName.equals(name, "rss") {
            let version = element.attribute("version")?.trimmingASCIIWhitespace() ?? ""
            format = version.hasPrefix("0.9") ? .rss09x : .rss20
        } else if ByteName.equals(name, "RDF"), ns == .rdf {
            format = .rss10
        } else if ByteName.equals(name, "feed"), ns == .atom10 || ns == .none {
            format = .atom10
            channelDepth = 1
        } else if ByteName.equals(name, "feed"), ns == .atom03 {
            format = .atom03
            channelDepth = 1
        } else if ByteName.equals(name, "channel"), ns == .none {
            // A bare <channel> without the <rss> wrapper: old, but readable.
            format = .rss20
            channelDepth = 1
        } else {
            fail(FeedParseError("not a feed: root element <\(ByteName.string(name))>"))
        }
    }

    private func fail(_ error: FeedParseError) {
        failure = error
        wantsToStop = true
    }

    private func readXMLAttributes(_ element: SAXElement) {
        // Most attributes have no namespace (href, rel, type): only xml:* ones are read here.
        guard element.hasNamespacedAttribute else { return }
        element.forEachAttribute { local, uri, value in
            // The one namespace asked about: compared directly rather than
            // looked up among all known ones (`rdf:about` on every RSS 1.0 item).
            guard let uri, ByteName.equals(uri, Namespace.xmlURI) else { return }
            if ByteName.equals(local, "base") {
                let raw = SAXElement.decodedValue(value)
                if let url = URLResolver.resolve(raw, against: currentBase) {
                    bases.append((depth, url))
                    baseDepth = depth
                }
            } else if ByteName.equals(local, "lang"), channelDepth == 0 || depth <= channelDepth {
                feed.rootLanguage = TextCleaning.collapse(String(decoding: value, as: UTF8.self))
            }
        }
    }

    /// The builder is empty here: `build(appendingTo:)` leaves it so, and entry fields
    /// are only written while an entry is open.
    func beginEntry() {
        entry.baseURL = currentBase
        entryDepth = depth
        entryLinkIsHTML = false
    }

    func finishEntry() {
        guard hasEntry else { return }
        entryDepth = 0
        entry.build(appendingTo: &entries)
        if entries.count >= Self.maxEntries {
            warnings.append("stopped after \(Self.maxEntries) entries")
            wantsToStop = true
        }
    }

    /// Entries still open when the document ended (a cut-off download) are
    /// dropped: their text may be truncated mid-sentence.
    func finish() -> [ParsedEntry] {
        if hasEntry {
            warnings.append("the document ended inside an entry; that entry was dropped")
            entry = EntryBuilder()
            entryDepth = 0
        }
        // Atom (RFC 4287 §4.2.1): the feed's authors apply to entries that name none.
        // A podcast's channel `itunes:author` is the author of its episodes likewise.
        let feedAuthors = feed.authors.isEmpty ? (feed.itunesAuthor.map { [$0] } ?? []) : feed.authors
        if !feedAuthors.isEmpty {
            for i in entries.indices where entries[i].authors.isEmpty { entries[i].authors = feedAuthors }
        }
        return entries
    }

    // MARK: Capture

    /// A capture holds no references (nothing to retain or release per
    /// field): the base a captured link or body is relative to is
    /// `currentBase` when it ends, which is the base in effect on its element
    /// (no `xml:base` is read inside a capture, and the element's own is
    /// dropped only after it has ended).
    @inline(__always)
    func begin(_ field: Field, _ mode: Mode, titleKind: TitleKind = .sniff) {
        capture = Capture(field: field, mode: mode, depth: depth, inEntry: hasEntry, titleKind: titleKind)
        captureDepth = depth
        sink.pointee.begin(escapingMarkup: mode == .xhtml)
    }

    @inline(__always)
    private func finishCapture(_ capture: Capture) {
        if sink.pointee.truncated {
            warnings.append("a field longer than \(Self.maxFieldBytes) bytes was truncated")
            sink.pointee.truncated = false
        }
        // Trim in bytes so the one value made here is the one kept. (Nothing
        // below appends to the sink, so its bytes stay put.)
        let text = ASCII.trimmingXMLSpace(sink.pointee.bytes)
        if capture.inEntry, hasEntry {
            applyToEntry(capture, text)
        } else {
            applyToFeed(capture, text)
        }
    }

    /// Captured HTML as kept in the model: libxml2 validated every character
    /// unless it said otherwise.
    func body(_ html: [UInt8]) -> UTF8Text {
        body(html[...])
    }

    func body(_ html: ArraySlice<UInt8>) -> UTF8Text {
        sink.pointee.mayBeInvalidUTF8 ? UTF8Text(repairing: html) : UTF8Text(validUTF8: html)
    }

    /// Captured HTML as it stands: a slice of the document when the sink kept
    /// it verbatim, else one exact-size copy out of the sink.
    func body(captured html: UnsafeBufferPointer<UInt8>) -> UTF8Text {
        body(sink.pointee.slice(of: html) ?? Array(html)[...])
    }

    /// An entry's summary or content: HTML kept as bytes (see `UTF8Text`); the first one read wins.
    /// `html` is consumed: stored without a retain (and a release by the caller).
    private func setBody(_ capture: Capture, _ html: consuming UTF8Text) {
        // The body's own base only when an xml:base below the entry element
        // set one; otherwise the entry's base applies (`build`).
        if capture.field == .content {
            if case .some = entry.fields.content { return }
            entry.fields.content = html
            if baseDepth > entryDepth { entry.contentBase = currentBase }
        } else {
            if case .some = entry.fields.summary { return }
            entry.fields.summary = html
            if baseDepth > entryDepth { entry.summaryBase = currentBase }
        }
    }

    /// A plain-text field (title, description, rights) as its capture says to read it.
    func title(_ bytes: UnsafeBufferPointer<UInt8>, _ capture: Capture) -> String? {
        switch capture.titleKind {
        case .text: return TextCleaning.collapse(bytes)
        case .html: return TextCleaning.plainText(bytes, isHTML: true)
        case .sniff: return TextCleaning.plainText(bytes, isHTML: capture.mode == .xhtml)
        }
    }

    /// An entry's title as kept in the model: the captured bytes themselves
    /// (a slice of the document when it stands there verbatim) when they need
    /// no cleaning, as most do; else the cleaned text's.
    private func titleText(_ bytes: UnsafeBufferPointer<UInt8>, _ capture: Capture) -> UTF8Text? {
        let asWritten = capture.titleKind == .text ? TextCleaning.isAlreadyClean(bytes) : TextCleaning.isAlreadyPlain(bytes)
        if asWritten { return bytes.isEmpty ? nil : body(captured: bytes) }
        return title(bytes, capture).map { UTF8Text($0) }
    }

    func title(_ text: String, _ capture: Capture) -> String? {
        text.withUTF8Bytes { title($0, capture) }
    }

    private func applyToEntry(_ capture: Capture, _ bytes: UnsafeBufferPointer<UInt8>) {
        // Bodies and dates are read from the bytes; other fields make one String.
        func text() -> String { String(decoding: bytes, as: UTF8.self) }
        switch capture.field {
        case .summary, .description, .content:
            // Escaped first when the body is plain text.
            if !bytes.isEmpty {
                setBody(capture, capture.mode == .plain ? body(TextCleaning.escapeHTML(bytes)) : body(captured: bytes))
            }
        case .mediaDescription, .itunesSummary, .itunesSubtitle: applyMediaBodyToEntry(capture, bytes)
        case .published, .pubDate: if entry.fields.published == nil { entry.fields.published = DateParser.parse(bytes) }
        case .dcDate: if entry.dcDate == nil { entry.dcDate = DateParser.parse(bytes) }
        case .updated, .lastBuildDate: if entry.fields.updated == nil { entry.fields.updated = DateParser.parse(bytes) }
        case .comments, .commentCount, .georssPoint, .geoLatitude, .geoLongitude: applyNamespaceToEntry(capture, bytes)
        case .link: if entry.fields.link == nil { entry.fields.link = URLResolver.resolve(bytes, against: currentBase) }
        case .title: if case .none = entry.fields.titleText { entry.fields.titleText = titleText(bytes, capture) }
        case .rights: if entry.fields.rights == nil { entry.fields.rights = title(bytes, capture) }
        case .dcRights: if entry.dcRights == nil { entry.dcRights = title(bytes, capture) }
        case .author: entry.addAuthor(TextCleaning.plainText(bytes, isHTML: false))
        case .category: entry.addCategory(TextCleaning.plainText(bytes, isHTML: false))
        case .id: if entry.fields.id == nil { entry.fields.id = TextCleaning.trimmed(bytes) }
        case .guid:
            guard entry.fields.id == nil, let guid = TextCleaning.trimmed(bytes) else { break }
            entry.fields.id = guid
            if capture.isPermaLink, HTTPScheme.isWebLink(guid) {
                entry.idIsPermalink = true
            }
        case .authorName: pendingAuthorName = TextCleaning.plainText(bytes, isHTML: false)
        case .authorEmail: pendingAuthorEmail = TextCleaning.collapse(bytes)
        case .mediaTitle, .itunesAuthor, .duration, .explicit, .rssImage, .atomLogo, .atomIcon:
            applyMediaToEntry(capture, text())
        case .language, .ttl, .updatePeriod, .updateFrequency, .skipHour, .skipDay: break
        }
    }

    private func applyToFeed(_ capture: Capture, _ bytes: UnsafeBufferPointer<UInt8>) {
        var text = String(decoding: bytes, as: UTF8.self)
        if capture.mode == .plain, capture.field == .summary || capture.field == .content { text = TextCleaning.escapeHTML(text) }
        switch capture.field {
        case .title: if feed.title == nil { feed.title = title(text, capture) }
        case .link: if feed.link == nil { feed.link = URLResolver.resolve(text, against: currentBase) }
        case .description, .summary: if feed.description == nil { feed.description = title(text, capture) }
        case .language: if feed.language == nil { feed.language = TextCleaning.collapse(text) }
        case .lastBuildDate: if feed.lastBuildDate == nil { feed.lastBuildDate = DateParser.parse(text) }
        case .dcDate: if feed.dcDate == nil { feed.dcDate = DateParser.parse(text) }
        case .pubDate, .published: if feed.pubDate == nil { feed.pubDate = DateParser.parse(text) }
        case .updated: if feed.updated == nil { feed.updated = DateParser.parse(text) }
        case .authorName: pendingAuthorName = TextCleaning.plainText(text, isHTML: false)
        case .authorEmail: pendingAuthorEmail = TextCleaning.collapse(text)
        case .ttl: if feed.ttlMinutes == nil { feed.ttlMinutes = Int(text) }
        case .updatePeriod: if feed.updatePeriod == nil { feed.updatePeriod = TextCleaning.collapse(text)?.lowercased() }
        case .updateFrequency: if feed.updateFrequency == nil { feed.updateFrequency = Int(text) }
        case .skipHour:
            // RSS 2.0: hours 0–23 in GMT; some feeds write 24 for midnight.
            if let hour = TextCleaning.trimmed(text).flatMap({ Int($0) }), (0...24).contains(hour) { feed.skipHours.append(hour % 24) }
        case .skipDay:
            if let day = TextCleaning.trimmed(text).flatMap(FeedHandler.weekday) { feed.skipDays.append(day) }
        case .itunesAuthor, .itunesSummary, .itunesSubtitle, .rssImage, .atomLogo, .atomIcon: applyMediaToFeed(capture, text)
        case .rights: if feed.rights == nil { feed.rights = title(text, capture) }
        case .dcRights: if feed.dcRights == nil { feed.dcRights = title(text, capture) }
        default: break
        }
    }

    /// RSS `<day>` names (English, any case) as 0 = Sunday … 6 = Saturday.
    static func weekday(_ name: String) -> Int? {
        ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].firstIndex(of: name.lowercased())
    }
}
