import Foundation
import TidingsModel

/// Renders articles as RFC 5322 messages for maildir delivery.
///
/// Layout: headers (`MailHeaders`), then either a `multipart/alternative` body with a
/// text/plain rendering followed by the sanitized text/html (readers show the last part they
/// can display, so HTML-capable readers show HTML and mutt-style readers the text), or, for an
/// entry without summary or content, a single text/plain part with the title and link.
/// Line endings are LF: maildir stores messages in the local convention.
public enum MailMessage {
    /// The constant From: address. Feeds have no mail address of their own; a fixed local one
    /// keeps replies from going anywhere, and filters can match on it.
    public static let fromAddress = "tidings@localhost"

    /// The Message-ID without angle brackets: `<64 hex chars>@tidings`, the SHA-256 of the
    /// feed URL and entry key, so the same article always gets the same Message-ID and
    /// mail indexers (notmuch, mu) treat a re-delivery as the same message.
    public static func messageID(feedURL: String, entryKey: String) -> String {
        var hasher = SHA256()
        hasher.update(feedURL)
        hasher.update([0])
        hasher.update(entryKey)
        return hasher.finalize().hexString + "@tidings"
    }

    /// RFC 5322 message bytes with LF line endings.
    public static func render(_ article: MailArticle) -> [UInt8] {
        let id = messageID(feedURL: article.feedURL, entryKey: article.entryKey)
        let entry = article.entry
        let html = (entry.content.flatMap(nonBlank) ?? entry.summary.flatMap(nonBlank)).map { HTMLDocument($0) }
        var out: [UInt8] = []
        // Both parts are about the size of the HTML, and quoted-printable adds a little.
        out.reserveCapacity(2048 + 3 * (html?.sourceCount ?? 0))
        MailHeaders.append(for: article, messageID: id, to: &out)

        // One resolver for both parts: building one parses the base URL with Foundation.
        let resolver = HTMLLinks.Resolver(base: entry.baseURL ?? entry.link)
        let text = MailParts.text(for: article, html: html, resolver: resolver)
        guard let html else {
            appendPart(text, type: "text/plain; charset=utf-8", to: &out)
            return out
        }
        let htmlBytes = MailParts.html(for: article, content: html, resolver: resolver)
        // "=_" never occurs in quoted-printable or base64 output, so this boundary cannot
        // appear inside the parts; deriving it from the Message-ID keeps goldens stable.
        let boundary = "=_tidings_" + id.prefix(24)
        out.append(contentsOf: "Content-Type: multipart/alternative;\n boundary=\"\(boundary)\"\n\n".utf8)
        out.append(contentsOf: "--\(boundary)\n".utf8)
        appendPart(text, type: "text/plain; charset=utf-8", to: &out)
        out.append(contentsOf: "\n--\(boundary)\n".utf8)
        appendPart(htmlBytes, type: "text/html; charset=utf-8", to: &out)
        out.append(contentsOf: "\n--\(boundary)--\n".utf8)
        return out
    }

    /// A part's own headers and encoded body (for a single-part message, these headers finish
    /// the message header block).
    private static func appendPart(_ body: [UInt8], type: StaticString, to out: inout [UInt8]) {
        let encoding = MIMEBody.choose(for: body)
        out.append(contentsOf: "Content-Type: ".utf8)
        type.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: "\nContent-Transfer-Encoding: ".utf8)
        out.append(contentsOf: encoding.rawValue.utf8)
        out.append(contentsOf: "\n\n".utf8)
        MIMEBody.encode(body, as: encoding, into: &out)
        if out.last != 0x0A { out.append(0x0A) }
    }

    private static func nonBlank(_ text: UTF8Text) -> UTF8Text? {
        text.isBlank ? nil : text
    }
}
