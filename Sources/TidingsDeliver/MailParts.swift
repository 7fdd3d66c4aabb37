import Foundation
import TidingsModel

/// The two renderings of an article's body.
enum MailParts {
    /// The text/plain part: the content as text, enclosures, the numbered link list, and a
    /// signature-style footer (`-- ` makes readers dim it) naming the article and feed.
    static func text(for article: MailArticle, html: HTMLDocument?) -> String {
        String(decoding: text(for: article, html: html, resolver: HTMLLinks.Resolver(base: article.entry.baseURL ?? article.entry.link)),
               as: UTF8.self)
    }

    static func text(for article: MailArticle, html: HTMLDocument?, resolver: @autoclosure () -> HTMLLinks.Resolver) -> [UInt8] {
        let entry = article.entry
        var links: [String] = []
        var body: [UInt8]
        if let html {
            body = HTMLText.render(html, resolver: resolver(), links: &links)
        } else {
            // Nothing but a title: show it, so the body is never empty.
            body = []
            HeaderEncoding.appendSanitized(entry.title ?? "(untitled)", to: &body)
        }
        var text: [UInt8] = []
        text.reserveCapacity(body.count + 256 + links.count * 64)
        if !entry.authors.isEmpty {
            text.append(contentsOf: "By ".utf8)
            appendAuthors(entry, to: &text)
            text.append(contentsOf: "\n\n".utf8)
        }
        text.append(contentsOf: body)
        if !entry.enclosures.isEmpty {
            text.append(contentsOf: "\n\nEnclosures:".utf8)
            for enclosure in entry.enclosures {
                text.append(contentsOf: "\n* ".utf8)
                appendOneLine(enclosure.url, to: &text)
                let details = [enclosure.type.map(oneLine), enclosure.length.flatMap(byteSize)].compactMap { $0 }.filter { !$0.isEmpty }
                if !details.isEmpty { text.append(contentsOf: (" (" + details.joined(separator: ", ") + ")").utf8) }
            }
        }
        if !links.isEmpty {
            text.append(contentsOf: "\n\nLinks:".utf8)
            for (n, link) in links.enumerated() {
                text.append(contentsOf: "\n[\(n + 1)] ".utf8)
                appendOneLine(link, to: &text)
            }
        }
        text.append(contentsOf: "\n\n-- \n".utf8)
        if let link = articleLink(entry) {
            text.append(contentsOf: "Article: ".utf8)
            appendOneLine(link, to: &text)
            text.append(0x0A)
        }
        text.append(contentsOf: "Feed: ".utf8)
        HeaderEncoding.appendSanitized(article.feedTitle, to: &text)
        text.append(contentsOf: " <".utf8)
        appendOneLine(article.feedURL, to: &text)
        text.append(contentsOf: ">\n".utf8)
        if let site = article.siteLink {
            text.append(contentsOf: "Site: ".utf8)
            appendOneLine(site, to: &text)
            text.append(0x0A)
        }
        return text
    }

    /// The text/html part: a minimal document with a header linking the original article,
    /// the sanitized content with absolute links, and the enclosures.
    static func html(for article: MailArticle, content: HTMLDocument) -> [UInt8] {
        html(for: article, content: content, resolver: HTMLLinks.Resolver(base: article.entry.baseURL ?? article.entry.link))
    }

    static func html(for article: MailArticle, content: HTMLDocument, resolver: HTMLLinks.Resolver) -> [UInt8] {
        let entry = article.entry
        var title: [UInt8] = []
        HeaderEncoding.appendSanitized(entry.title ?? "", to: &title)
        if title.isEmpty { title = Array("(untitled)".utf8) }
        let link = articleLink(entry)
        var out: [UInt8] = []
        out.reserveCapacity(content.sourceCount + 1024)
        out.append(contentsOf: "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>".utf8)
        HTMLWriter.escape(title, into: &out)
        out.append(contentsOf: "</title>\n</head>\n<body>\n<header>\n<h1>".utf8)
        if let link {
            out.append(contentsOf: "<a href=\"".utf8)
            HTMLWriter.escape(link, into: &out)
            out.append(contentsOf: "\">".utf8)
            HTMLWriter.escape(title, into: &out)
            out.append(contentsOf: "</a>".utf8)
        } else {
            HTMLWriter.escape(title, into: &out)
        }
        out.append(contentsOf: "</h1>\n<p>".utf8)
        var scratch: [UInt8] = []
        HeaderEncoding.appendSanitized(article.feedTitle, to: &scratch)
        HTMLWriter.escape(scratch, into: &out)
        if !entry.authors.isEmpty {
            out.append(contentsOf: " \u{00B7} ".utf8)
            scratch.removeAll(keepingCapacity: true)
            appendAuthors(entry, to: &scratch)
            HTMLWriter.escape(scratch, into: &out)
        }
        out.append(contentsOf: "</p>\n</header>\n<hr>\n".utf8)
        HTMLSafety.sanitize(content, resolver: resolver, into: &out)
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

    /// "Ada, Grace": each author sanitized (empty ones kept, as written).
    private static func appendAuthors(_ entry: ParsedEntry, to out: inout [UInt8]) {
        for (n, author) in entry.authors.enumerated() {
            if n > 0 { out.append(contentsOf: ", ".utf8) }
            HeaderEncoding.appendSanitized(author, to: &out)
        }
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

    private static func appendOneLine(_ s: String, to out: inout [UInt8]) {
        HeaderEncoding.appendSanitized(s, to: &out)
    }
}
