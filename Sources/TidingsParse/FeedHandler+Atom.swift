// Atom 1.0 (RFC 4287) and its predecessor Atom 0.3, which differ mainly in
// names (tagline, issued, modified) and in how content declares its kind.
extension FeedHandler {
    func atomStart(_ element: SAXElement, _ ns: Namespace) {
        let name = element.localName
        let atomNS = ns == .atom10 || ns == .atom03 || ns == .none
        if authorDepth > 0 {
            guard depth == authorDepth + 1, atomNS else { return }
            if ByteName.equals(name, "name") { begin(.authorName, .text) }
            else if ByteName.equals(name, "email") { begin(.authorEmail, .text) }
            return
        }
        if hasEntry {
            // Entries never nest: an end tag went missing; close the open one.
            if atomNS, ByteName.equals(name, "entry") {
                finishEntry()
                beginEntry()
                return
            }
            if depth == entryDepth + 1 {
                if atomNS { atomEntryElement(element, name) } else { extensionElement(element, ns, name) }
            } else if ns == .media {
                mediaEntryElement(element, name)
            }
            return
        }
        guard depth == channelDepth + 1 else { return }
        if !atomNS {
            if ns == .dc, ByteName.equals(name, "language") { begin(.language, .text) }
            else if ns == .syndication { syndicationElement(name) }
            else if ns == .itunes { itunesChannelElement(element, name) }
            else if ns == .dc || ns == .dcterms, ByteName.equals(name, "rights") { begin(.dcRights, .text) }
            return
        }
        if ByteName.equals(name, "entry") {
            beginEntry()
        } else if ByteName.equals(name, "title") {
            beginText(.title, element)
        } else if ByteName.equals(name, "subtitle") || ByteName.equals(name, "tagline") {
            beginText(.description, element)
        } else if ByteName.equals(name, "updated") || ByteName.equals(name, "modified") {
            begin(.updated, .text)
        } else if ByteName.equals(name, "author") {
            authorDepth = depth
        } else if ByteName.equals(name, "logo") {
            begin(.atomLogo, .text)
        } else if ByteName.equals(name, "icon") {
            begin(.atomIcon, .text)
        } else if ByteName.equals(name, "link") {
            guard let href = element.attribute("href") else { return }
            let rel = Self.linkRelation(element)
            if rel == "alternate" {
                let html = isHTMLTyped(element)
                if feed.link == nil || (html && !feedLinkIsHTML) {
                    feed.link = URLResolver.resolve(href, against: currentBase)
                    feedLinkIsHTML = html
                }
            } else {
                feedRelation(rel, href)
            }
        } else if ByteName.equals(name, "rights") || ByteName.equals(name, "copyright") {
            beginText(.rights, element)
        }
    }

    private func atomEntryElement(_ element: SAXElement, _ name: UnsafePointer<UInt8>) {
        if ByteName.equals(name, "title") {
            beginText(.title, element)
        } else if ByteName.equals(name, "link") {
            // Only alternate and enclosure links are read (not replies, edit, self…).
            let rel = Self.linkRelation(element)
            guard rel == "alternate" || rel == "enclosure", let href = element.attribute("href") else { return }
            let url = URLResolver.resolve(href, against: currentBase)
            if rel == "enclosure" {
                entry.addEnclosure(url: url, type: element.attribute("type"), length: element.attribute("length"))
            } else {
                // The first alternate, unless a later one is the HTML page
                // (an entry may list a PDF or a translation first).
                let html = isHTMLTyped(element)
                if entry.fields.link == nil || (html && !entryLinkIsHTML) {
                    entry.fields.link = url
                    entryLinkIsHTML = html
                }
            }
        } else if ByteName.equals(name, "id") {
            begin(.id, .text)
        } else if ByteName.equals(name, "published") || ByteName.equals(name, "issued") || ByteName.equals(name, "created") {
            begin(.published, .text)
        } else if ByteName.equals(name, "updated") || ByteName.equals(name, "modified") {
            begin(.updated, .text)
        } else if ByteName.equals(name, "summary") {
            beginText(.summary, element)
        } else if ByteName.equals(name, "content") {
            // Out-of-line content (RFC 4287 §4.1.3.2): nothing to read inline.
            // An HTML page is where the entry lives (a link when there is no
            // alternate link); anything else (audio, PDF) is an attachment.
            guard let src = element.attribute("src") else {
                beginText(.content, element)
                return
            }
            let url = URLResolver.resolve(src, against: currentBase)
            let type = element.attributeKeyword("type")
            if let type, !type.isEmpty, !["html", "xhtml", "text"].contains(type), !type.hasPrefix("text/"), !type.hasSuffix("html"),
               !type.hasSuffix("xml") {
                entry.addEnclosure(url: url, type: type, length: nil)
            } else {
                entry.contentSource = url
            }
        } else if ByteName.equals(name, "author") {
            authorDepth = depth
        } else if ByteName.equals(name, "category") {
            entry.addCategory((element.attribute("term") ?? element.attribute("label")).flatMap { TextCleaning.plainText($0, isHTML: false) })
        } else if ByteName.equals(name, "rights") || ByteName.equals(name, "copyright") {
            beginText(.rights, element)
        } else if ByteName.equals(name, "source") {
            // The entry's original feed: its title, links and id are not the entry's.
            skipDepth = depth
        }
    }

    /// A feed-level `rel="self"` or `rel="hub"` link (Atom `<link>`, or `atom:link` in RSS).
    func feedRelation(_ rel: String, _ href: String) {
        if rel == "self" {
            if feed.selfLink == nil { feed.selfLink = URLResolver.resolve(href, against: currentBase) }
        } else if rel == "hub" {
            feed.addHub(URLResolver.resolve(href, against: currentBase))
        }
    }

    /// `rel` trimmed and lower-cased, with the IANA registry IRI prefix that
    /// RFC 4287 §4.2.7.2 makes equivalent removed; missing means "alternate".
    static func linkRelation(_ element: SAXElement) -> String {
        guard var rel = element.attributeKeyword("rel") else { return "alternate" }
        let iana = "http://www.iana.org/assignments/relation/"
        // Lengths first: `alternate`, `self`… are far shorter, and hasPrefix
        // compares by characters (half of what reading `rel` cost).
        if rel.utf8.count >= iana.utf8.count, rel.hasPrefix(iana) { rel.removeFirst(iana.count) }
        return rel.isEmpty ? "alternate" : rel
    }

    private func isHTMLTyped(_ element: SAXElement) -> Bool {
        guard let type = element.attributeKeyword("type") else { return false }
        return type == "text/html" || type == "application/xhtml+xml"
    }

    /// Atom text constructs: `type` says text, html or xhtml (1.0), or a MIME
    /// type plus `mode` xml|escaped|base64 (0.3, where the default is inline XML).
    private func beginText(_ field: Field, _ element: SAXElement) {
        let type = element.attributeKeyword("type")
        let mode: Mode?
        if format == .atom03 {
            let how = element.attributeKeyword("mode") ?? "xml"
            let html = type.map { $0.contains("html") } ?? false
            switch how {
            case "escaped": mode = html ? .html : .plain
            case "base64": mode = nil
            default: mode = html ? .xhtml : .plain
            }
        } else {
            switch type {
            case nil, "text", "text/plain": mode = .plain
            case "html", "text/html": mode = .html
            case "xhtml", "application/xhtml+xml": mode = .xhtml
            case let other?:
                mode = other.hasPrefix("text/") ? .plain : (other.hasSuffix("xml") ? .xhtml : nil)
            }
        }
        guard let mode else { return }
        let kind: TitleKind = mode == .plain ? .text : .html
        begin(field, mode, titleKind: kind)
    }
}
