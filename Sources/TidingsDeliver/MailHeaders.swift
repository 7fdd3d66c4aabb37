import Foundation
import TidingsModel

/// The header block of an article message. Every value goes through `HeaderEncoding`, so
/// nothing a feed writes can add a header or break a line limit.
///
/// Header names follow rss2email (`X-RSS-Feed`, `X-RSS-URL`, `X-RSS-Tags`) so filters written
/// for it keep working, plus RFC 5064 `Archived-At` (the article URL; mutt, notmuch-emacs and
/// Gmail-style clients can open it) and RFC 2919 `List-Id`, which makes every feed a "list"
/// that readers can group and filter on. `To:` is omitted: there is no recipient address to
/// name, and RFC 5322 allows a message without one.
enum MailHeaders {
    static func block(for article: MailArticle, messageID: String) -> String {
        var out: [UInt8] = []
        append(for: article, messageID: messageID, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the header block (without the MIME headers of the body) to `out`.
    static func append(for article: MailArticle, messageID: String, to out: inout [UInt8]) {
        let entry = article.entry
        let feedTitleBytes = Array(article.feedTitle.utf8)
        let feedTitle = HeaderEncoding.sanitized(feedTitleBytes).isEmpty ? Array((host(of: article.feedURL) ?? "Feed").utf8) : feedTitleBytes
        out.append(contentsOf: "From: ".utf8)
        HeaderEncoding.appendPhrase(feedTitle, firstLineUsed: 6, to: &out)
        out.append(contentsOf: " <\(MailMessage.fromAddress)>\n".utf8)
        let title = HeaderEncoding.sanitized(Array((entry.title ?? "").utf8))
        HeaderEncoding.appendUnstructured("Subject", title.isEmpty ? Array("(untitled)".utf8) : title, to: &out)
        let date = entry.date.flatMap { MailDate.isRepresentable($0) ? $0 : nil } ?? article.fetchedAt
        out.append(contentsOf: "Date: ".utf8)
        MailDate.append(MailDate.isRepresentable(date) ? date : Date(timeIntervalSince1970: 0), to: &out)
        // 86 characters: over the 78 that RFC 5322 recommends, far under the 998 it requires.
        // Folding before `<` is legal, but readers and procmail rules expect `Message-ID: <`.
        out.append(contentsOf: "\nMessage-ID: <".utf8)
        out.append(contentsOf: messageID.utf8)
        out.append(contentsOf: ">\nList-Id: ".utf8)
        let phraseStart = out.count
        HeaderEncoding.appendPhrase(feedTitle, firstLineUsed: 9, to: &out)
        let listAddress = "<" + listID(feedURL: article.feedURL) + ">"
        let lastBreak = out[phraseStart...].lastIndex(of: 0x0A)
        let used = lastBreak.map { out.count - $0 - 1 } ?? 9 + (out.count - phraseStart)
        out.append(contentsOf: (used + 1 + listAddress.utf8.count <= HeaderEncoding.lineLimit ? " " : "\n ").utf8)
        out.append(contentsOf: listAddress.utf8)
        out.append(0x0A)
        let link = MailParts.articleLink(entry).flatMap(uriBytes)
        if let link {
            out.append(contentsOf: "Archived-At: <".utf8)
            out.append(contentsOf: link)
            out.append(contentsOf: ">\n".utf8)
        }
        let feed = uriBytes(article.feedURL)
        if let feed {
            out.append(contentsOf: "X-RSS-Feed: ".utf8)
            out.append(contentsOf: feed)
            out.append(0x0A)
        }
        if let link {
            out.append(contentsOf: "X-RSS-URL: ".utf8)
            out.append(contentsOf: link)
            out.append(0x0A)
        }
        if !entry.categories.isEmpty {
            var tags: [UInt8] = []
            for category in entry.categories {
                let tag = HeaderEncoding.sanitized(Array(category.utf8))
                if tag.isEmpty { continue }
                if !tags.isEmpty { tags.append(contentsOf: ", ".utf8) }
                tags.append(contentsOf: tag)
            }
            if !tags.isEmpty { HeaderEncoding.appendUnstructured("X-RSS-Tags", tags, to: &out) }
        }
        if let feed {
            out.append(contentsOf: "X-Tidings-Feed: ".utf8)
            out.append(contentsOf: feed)
            out.append(0x0A)
        }
        out.append(contentsOf: "X-Tidings-Entry: ".utf8)
        out.append(contentsOf: entryKey(article.entryKey).utf8)
        out.append(contentsOf: "\nUser-Agent: Tidings\nMIME-Version: 1.0\n".utf8)
    }

    /// RFC 2919 list identifier: `<host-slug>.<8 hex: FNV-1a of the feed URL>.tidings`. The host
    /// makes it readable; the hash keeps two feeds of one site apart (filters key on List-Id).
    static func listID(feedURL: String) -> String {
        var slug: [UInt8] = []
        for b in (host(of: feedURL) ?? "").lowercased().utf8 {
            let keep = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            if keep {
                slug.append(b)
            } else if slug.last != UInt8(ascii: "-") && !slug.isEmpty {
                slug.append(UInt8(ascii: "-"))
            }
            if slug.count >= 60 { break }
        }
        while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        let label = slug.isEmpty ? "feed" : String(decoding: slug, as: UTF8.self)
        return label + "." + fnv1a(feedURL) + ".tidings"
    }

    /// 32-bit FNV-1a as 8 hex digits: stable across runs and machines (unlike `Hasher`), and
    /// enough to tell one user's feeds on a host apart; a SHA-256 per message cost 2% of rendering.
    static func fnv1a(_ s: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for b in s.utf8 {
            hash ^= UInt32(b)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.utf8.count) + hex
    }

    static func host(of url: String) -> String? {
        URL(string: url)?.host
    }

    /// A URL as a header value: printable ASCII only (IRIs percent-encoded), and none of the
    /// characters that would end `<…>`. Nil when too long for one header line: a URL cannot
    /// be folded, and RFC 5322 caps lines at 998 bytes (the text part still shows it).
    static func uri(_ url: String) -> String? {
        uriBytes(url).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func uriBytes(_ url: String) -> [UInt8]? {
        var value: [UInt8] = []
        value.reserveCapacity(url.utf8.count)
        // `<`, `>` and `"` are printable, but would end `<…>` or a quoted string.
        HeaderEncoding.appendPercentEncodedASCII(HeaderEncoding.sanitized(Array(url.utf8)),
                                                 alsoEncoding: { $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }, to: &value)
        return !value.isEmpty && value.count <= 900 ? value : nil
    }

    /// The entry key, printable ASCII only; very long keys (some guids are whole URLs with
    /// tracking parameters) are cut and made unique again with their hash.
    static func entryKey(_ key: String) -> String {
        let value = HeaderEncoding.percentEncodedASCII(key)
        guard value.utf8.count > 900 else { return value }
        return String(value.prefix(800)) + "...sha256:" + SHA256.hex(key)
    }
}
