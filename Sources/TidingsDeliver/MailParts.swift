import Foundation
import TidingsModel

/// The two renderings of an article's body.
enum MailParts {
    /// The text/plain part: the content as text, enclosures, the numbered link list, and a
    /// signature-style footer (`-- ` makes readers dim it) naming the article and feed.
    static func text(for article: MailArticle, html: HTMLDocument?) -> String {
        let entry = article.entry
        var links: [String] = []
        var text = ""
        if let html {
            text = HTMLText.render(html, base: entry.baseURL ?? entry.link, links: &links)
        } else {
            // Nothing but a title: show it, so the body is never empty.
            text = HeaderEncoding.sanitized(entry.title ?? "(untitled)")
        }
        if !entry.authors.isEmpty {
            text = "By " + entry.authors.map(HeaderEncoding.sanitized).joined(separator: ", ") + "\n\n" + text
        }
        if !entry.enclosures.isEmpty {
            text += "\n\nEnclosures:"
            for enclosure in entry.enclosures {
                text += "\n* " + oneLine(enclosure.url)
                let details = [enclosure.type.map(oneLine), enclosure.length.flatMap(byteSize)].compactMap { $0 }.filter { !$0.isEmpty }
                if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
            }
        }
        if !links.isEmpty {
            text += "\n\nLinks:"
            for (n, link) in links.enumerated() { text += "\n[\(n + 1)] \(oneLine(link))" }
        }
        text += "\n\n-- \n"
        if let link = articleLink(entry) { text += "Article: \(oneLine(link))\n" }
        text += "Feed: \(HeaderEncoding.sanitized(article.feedTitle)) <\(oneLine(article.feedURL))>\n"
        if let site = article.siteLink { text += "Site: \(oneLine(site))\n" }
        return text
    }

    /// The text/html part: a minimal document with a header linking the original article,
    /// the sanitized content with absolute links, and the enclosures.
    static func html(for article: MailArticle, content: HTMLDocument) -> [UInt8] {
        let entry = article.entry
        let title = HeaderEncoding.sanitized(entry.title ?? "")
        let shownTitle = title.isEmpty ? "(untitled)" : title
        let link = articleLink(entry)
        var out: [UInt8] = []
        out.reserveCapacity(content.bytes.count + 1024)
        out.append(contentsOf: "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>".utf8)
        HTMLWriter.escape(shownTitle, into: &out)
        out.append(contentsOf: "</title>\n</head>\n<body>\n<header>\n<h1>".utf8)
        if let link {
            out.append(contentsOf: "<a href=\"".utf8)
            HTMLWriter.escape(link, into: &out)
            out.append(contentsOf: "\">".utf8)
            HTMLWriter.escape(shownTitle, into: &out)
            out.append(contentsOf: "</a>".utf8)
        } else {
            HTMLWriter.escape(shownTitle, into: &out)
        }
        out.append(contentsOf: "</h1>\n<p>".utf8)
        HTMLWriter.escape(HeaderEncoding.sanitized(article.feedTitle), into: &out)
        if !entry.authors.isEmpty {
            out.append(contentsOf: " \u{00B7} ".utf8)
            HTMLWriter.escape(entry.authors.map(HeaderEncoding.sanitized).joined(separator: ", "), into: &out)
        }
        out.append(contentsOf: "</p>\n</header>\n<hr>\n".utf8)
        out.append(contentsOf: HTMLSafety.sanitizedBytes(content, base: entry.baseURL ?? entry.link))
        let enclosures = entry.enclosures.filter { HTMLSafety.isSafeURL($0.url, allowData: false) }
        if !enclosures.isEmpty {
            out.append(contentsOf: "\n<hr>\n<ul>\n".utf8)
            for enclosure in enclosures {
                out.append(contentsOf: "<li><a href=\"".utf8)
                HTMLWriter.escape(enclosure.url, into: &out)
                out.append(contentsOf: "\">".utf8)
                HTMLWriter.escape(enclosure.url, into: &out)
                out.append(contentsOf: "</a>".utf8)
                let details = [enclosure.type, enclosure.length.flatMap(byteSize)].compactMap { $0 }
                if !details.isEmpty {
                    out.append(contentsOf: " (".utf8)
                    HTMLWriter.escape(details.joined(separator: ", "), into: &out)
                    out.append(contentsOf: ")".utf8)
                }
                out.append(contentsOf: "</li>\n".utf8)
            }
            out.append(contentsOf: "</ul>".utf8)
        }
        out.append(contentsOf: "\n</body>\n</html>\n".utf8)
        return out
    }

    /// The entry's link when it is one a reader may follow (not `javascript:` and the like):
    /// it ends up clickable in headers, in the text footer and in the HTML header.
    static func articleLink(_ entry: ParsedEntry) -> String? {
        guard let link = entry.link.map(HTMLLinks.trimmed), !link.isEmpty, HTMLSafety.isSafeURL(link, allowData: false) else { return nil }
        return link
    }

    /// `12.3 MB`: decimal units, as podcast apps show sizes.
    static func byteSize(_ length: Int64) -> String? {
        guard length > 0 else { return nil }
        if length < 1000 { return "\(length) bytes" }
        let units = ["kB", "MB", "GB", "TB"]
        var value = Double(length) / 1000
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        let number = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(number) \(units[unit])"
    }

    /// Values from the feed placed on a text line: no line breaks inside.
    private static func oneLine(_ s: String) -> String {
        HeaderEncoding.sanitized(s)
    }
}
