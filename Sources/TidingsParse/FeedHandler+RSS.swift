// RSS 0.9x, 1.0 (RDF) and 2.0 elements.
// Specs: https://www.rssboard.org/rss-specification, https://web.resource.org/rss/1.0/spec
extension FeedHandler {
    func rssStart(_ element: SAXElement, _ ns: Namespace) {
        let name = element.localName
        let rssNS = ns == .none || ns == .rss10 || ns == .rss090
        // Items never nest: one inside another means an end tag went missing
        // (recovered mismatched tags). Close the open item; this one starts below.
        if hasEntry, rssNS, ByteName.equals(name, "item") { finishEntry() }
        if hasEntry {
            if depth == entryDepth + 1 {
                if rssNS { rssItemElement(element, name) } else { extensionElement(element, ns, name) }
            } else if ns == .media {
                // media:content nested in media:group.
                mediaEntryElement(element, name)
            }
            return
        }
        if rssNS {
            if ByteName.equals(name, "item") {
                if ns == .rss090 { format = .rss09x }
                beginEntry()
                if let about = element.attribute("about", namespace: "http://www.w3.org/1999/02/22-rdf-syntax-ns#") {
                    entry.fields.id = TextCleaning.trimmed(about)
                }
                return
            }
            if ByteName.equals(name, "channel") {
                if ns == .rss090 { format = .rss09x }
                channelDepth = depth
                return
            }
            if ByteName.equals(name, "image") || ByteName.equals(name, "textinput") || ByteName.equals(name, "textInput") {
                skipDepth = depth
                // The channel's own image (RSS 1.0 puts it beside the channel).
                if ByteName.equals(name, "image"), depth <= channelDepth + 1 { rssImageDepth = depth }
                return
            }
        }
        if depth == channelDepth + 2, let skip = scheduleSkip, rssNS {
            if skip == .hours, ByteName.equals(name, "hour") { begin(.skipHour, .text) }
            if skip == .days, ByteName.equals(name, "day") { begin(.skipDay, .text) }
            return
        }
        guard depth == channelDepth + 1 else { return }
        scheduleSkip = nil
        if rssNS {
            if ByteName.equals(name, "skipHours") { scheduleSkip = .hours; return }
            if ByteName.equals(name, "skipDays") { scheduleSkip = .days; return }
        }
        if rssNS {
            if ByteName.equals(name, "title") { begin(.title, .text) }
            else if ByteName.equals(name, "link") { begin(.link, .text) }
            else if ByteName.equals(name, "description") { begin(.description, .text) }
            else if ByteName.equals(name, "language") { begin(.language, .text) }
            else if ByteName.equals(name, "lastBuildDate") { begin(.lastBuildDate, .text) }
            else if ByteName.equals(name, "pubDate") { begin(.pubDate, .text) }
            else if ByteName.equals(name, "ttl") { begin(.ttl, .text) }
            else if ByteName.equals(name, "copyright") { begin(.rights, .text) }
        } else if ns == .syndication {
            syndicationElement(name)
        } else if ns == .itunes {
            itunesChannelElement(element, name)
        } else if ns == .dc {
            if ByteName.equals(name, "language") { begin(.language, .text) }
            else if ByteName.equals(name, "date") { begin(.dcDate, .text) }
            else if ByteName.equals(name, "rights") { begin(.dcRights, .text) }
        } else if ns == .atom10, ByteName.equals(name, "link") {
            guard let href = element.attribute("href") else { return }
            let rel = FeedHandler.linkRelation(element)
            if rel == "alternate" {
                if feed.alternateLink == nil { feed.alternateLink = URLResolver.resolve(href, against: currentBase) }
            } else {
                feedRelation(rel, href)
            }
        } else if ns == .dcterms, ByteName.equals(name, "rights") {
            begin(.dcRights, .text)
        }
    }

    @inline(__always)
    private func rssItemElement(_ element: SAXElement, _ name: UnsafePointer<UInt8>) {
        if ByteName.equals(name, "title") { begin(.title, .text) }
        else if ByteName.equals(name, "link") { begin(.link, .text) }
        else if ByteName.equals(name, "description") { begin(.summary, .html) }
        else if ByteName.equals(name, "guid") {
            begin(.guid, .text)
            capture?.isPermaLink = element.attributeKeyword("isPermaLink") != "false"
        }
        else if ByteName.equals(name, "pubDate") { begin(.pubDate, .text) }
        else if ByteName.equals(name, "author") { begin(.author, .text) }
        else if ByteName.equals(name, "category") { begin(.category, .text) }
        else if ByteName.equals(name, "enclosure") {
            entry.addEnclosure(url: element.attribute("url").flatMap { URLResolver.resolve($0, against: currentBase) },
                                type: element.attribute("type"), length: element.attribute("length"))
        }
        else if ByteName.equals(name, "comments") { begin(.comments, .text) }
    }

    /// RSS 1.0 syndication module (`sy:updatePeriod`, `sy:updateFrequency`), also
    /// seen in RSS 2.0 and Atom feeds at the channel level.
    func syndicationElement(_ name: UnsafePointer<UInt8>) {
        if ByteName.equals(name, "updatePeriod") { begin(.updatePeriod, .text) }
        else if ByteName.equals(name, "updateFrequency") { begin(.updateFrequency, .text) }
    }

    /// Namespaced elements RSS items borrow (and Atom entries sometimes do too).
    func extensionElement(_ element: SAXElement, _ ns: Namespace, _ name: UnsafePointer<UInt8>) {
        switch ns {
        case .content:
            if ByteName.equals(name, "encoded") { begin(.content, .html) }
        case .dc:
            if ByteName.equals(name, "creator") { begin(.author, .text) }
            else if ByteName.equals(name, "date") { begin(.dcDate, .text) }
            else if ByteName.equals(name, "subject") { begin(.category, .text) }
            else if ByteName.equals(name, "rights") { begin(.dcRights, .text) }
        case .dcterms:
            if ByteName.equals(name, "modified") { begin(.updated, .text) }
            else if ByteName.equals(name, "rights") { begin(.dcRights, .text) }
        case .slash:
            slashEntryElement(name)
        case .georss:
            georssEntryElement(name)
        case .geo:
            geoEntryElement(name)
        case .media:
            mediaEntryElement(element, name)
        case .itunes:
            itunesEntryElement(element, name)
        case .atom10:
            guard ByteName.equals(name, "link"), let href = element.attribute("href") else { return }
            let rel = FeedHandler.linkRelation(element)
            let url = URLResolver.resolve(href, against: currentBase)
            if rel == "alternate", entry.alternateLink == nil {
                entry.alternateLink = url
            } else if rel == "enclosure" {
                entry.addEnclosure(url: url, type: element.attribute("type"), length: element.attribute("length"))
            }
        default:
            break
        }
    }
}
