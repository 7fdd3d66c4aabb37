// Media RSS (http://search.yahoo.com/mrss/) and iTunes podcast
// (http://www.itunes.com/dtds/podcast-1.0.dtd) elements, in RSS and Atom
// alike, recognised by namespace URI. Their values land in `MediaFields` /
// `FeedBuilder`, where they only fill what the feed's own elements left empty.
// Specs: https://www.rssboard.org/media-rss, https://podcasters.apple.com/support/823-podcast-requirements
extension FeedHandler {
    /// A `media:` element anywhere inside an entry: directly, in `media:group`,
    /// or describing one `media:content`.
    func mediaEntryElement(_ element: SAXElement, _ name: UnsafePointer<UInt8>) {
        if ByteName.equals(name, "content") {
            let url = element.attribute("url").flatMap { URLResolver.resolve($0, against: currentBase) }
            entry.addEnclosure(url: url, type: element.attribute("type"), length: element.attribute("fileSize"))
            if let url, entry.media.imageContent == nil, Self.isImage(element) { entry.media.imageContent = url }
        } else if ByteName.equals(name, "thumbnail") {
            if entry.media.thumbnail == nil {
                entry.media.thumbnail = element.attribute("url").flatMap { URLResolver.resolve($0, against: currentBase) }
            }
        } else if ByteName.equals(name, "title") {
            begin(.mediaTitle, .text, titleKind: Self.isHTMLType(element) ? .html : .text)
        } else if ByteName.equals(name, "description") {
            begin(.mediaDescription, Self.isHTMLType(element) ? .html : .text)
        }
    }

    /// An `itunes:` element that is a direct child of an item or entry.
    func itunesEntryElement(_ element: SAXElement, _ name: UnsafePointer<UInt8>) {
        if ByteName.equals(name, "author") { begin(.itunesAuthor, .text) }
        else if ByteName.equals(name, "summary") { begin(.itunesSummary, .text) }
        else if ByteName.equals(name, "subtitle") { begin(.itunesSubtitle, .text) }
        else if ByteName.equals(name, "duration") { begin(.duration, .text) }
        else if ByteName.equals(name, "explicit") { begin(.explicit, .text) }
        else if ByteName.equals(name, "image"), entry.media.itunesImage == nil {
            entry.media.itunesImage = Self.itunesImageURL(element).flatMap { URLResolver.resolve($0, against: currentBase) }
        }
    }

    /// An `itunes:` element that is a direct child of the channel or Atom feed.
    func itunesChannelElement(_ element: SAXElement, _ name: UnsafePointer<UInt8>) {
        if ByteName.equals(name, "author") { begin(.itunesAuthor, .text) }
        else if ByteName.equals(name, "summary") { begin(.itunesSummary, .text) }
        else if ByteName.equals(name, "subtitle") { begin(.itunesSubtitle, .text) }
        else if ByteName.equals(name, "image"), feed.itunesImage == nil {
            feed.itunesImage = Self.itunesImageURL(element).flatMap { URLResolver.resolve($0, against: currentBase) }
        }
    }

    /// A child of the channel's RSS `<image>`, which is otherwise skipped
    /// (its `<title>` and `<link>` are not the channel's): `<url>` is the feed's picture.
    func rssImageChild(_ element: SAXElement) {
        let ns = namespaces.lookup(element.namespace)
        guard ns == .none || ns == .rss10 || ns == .rss090, ByteName.equals(element.localName, "url") else { return }
        begin(.rssImage, .text)
    }

    /// The captured text of the fields above, for an entry.
    func applyMediaToEntry(_ capture: Capture, _ text: String) {
        switch capture.field {
        case .mediaTitle:
            if entry.media.title == nil { entry.media.title = title(text, capture) }
        case .itunesAuthor:
            if entry.media.itunesAuthor == nil { entry.media.itunesAuthor = TextCleaning.plainText(text, isHTML: false) }
        case .duration:
            if entry.media.duration == nil { entry.media.duration = PodcastValues.duration(text) }
        case .explicit:
            if entry.media.explicit == nil { entry.media.explicit = PodcastValues.explicit(text) }
        default:
            break
        }
    }

    /// The HTML bodies among the fields above, for an entry, from the captured
    /// bytes (no `String`: a description can be as long as an article).
    func applyMediaBodyToEntry(_ capture: Capture, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        switch capture.field {
        case .mediaDescription:
            // type="plain" (the default) is text; type="html" is HTML.
            guard entry.media.mediaDescription == nil else { return }
            entry.media.mediaDescription = capture.mode == .html ? body(captured: bytes) : body(TextCleaning.escapeHTML(bytes))
        case .itunesSummary:
            guard entry.media.itunesSummary == nil else { return }
            entry.media.itunesSummary = body(Self.sniffedHTML(bytes))
        case .itunesSubtitle:
            guard entry.media.itunesSubtitle == nil else { return }
            entry.media.itunesSubtitle = body(Self.sniffedHTML(bytes))
        default:
            break
        }
    }

    /// The captured text of the fields above, for the feed.
    func applyMediaToFeed(_ capture: Capture, _ text: String) {
        switch capture.field {
        case .itunesAuthor:
            if feed.itunesAuthor == nil { feed.itunesAuthor = TextCleaning.plainText(text, isHTML: false) }
        case .itunesSummary:
            if feed.itunesSummary == nil { feed.itunesSummary = TextCleaning.plainText(text, isHTML: false) }
        case .itunesSubtitle:
            if feed.itunesSubtitle == nil { feed.itunesSubtitle = TextCleaning.plainText(text, isHTML: false) }
        case .rssImage:
            if feed.rssImage == nil { feed.rssImage = URLResolver.resolve(text, against: currentBase) }
        case .atomLogo:
            if feed.atomLogo == nil { feed.atomLogo = URLResolver.resolve(text, against: currentBase) }
        case .atomIcon:
            if feed.atomIcon == nil { feed.atomIcon = URLResolver.resolve(text, against: currentBase) }
        default:
            break
        }
    }

    /// iTunes text is meant to be plain, yet hosts often put HTML in it:
    /// HTML (by `HTMLSniffer`) is kept, plain text escaped.
    private static func sniffedHTML(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        HTMLSniffer.looksLikeHTML(text) ? Array(text) : TextCleaning.escapeHTML(text)
    }

    /// `href` is the attribute; some feeds write `url`.
    private static func itunesImageURL(_ element: SAXElement) -> String? {
        element.attribute("href") ?? element.attribute("url")
    }

    /// Media RSS `type="html"`; anything else (`plain`, missing) is text.
    private static func isHTMLType(_ element: SAXElement) -> Bool {
        element.attributeKeyword("type") == "html"
    }

    /// `medium="image"`, or an `image/…` type when there is no medium.
    private static func isImage(_ element: SAXElement) -> Bool {
        if let medium = element.attributeKeyword("medium"), !medium.isEmpty {
            return medium == "image"
        }
        return element.attributeKeyword("type")?.hasPrefix("image/") ?? false
    }
}
