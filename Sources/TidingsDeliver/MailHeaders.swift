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
        let entry = article.entry
        var h = ""
        h.reserveCapacity(1024)
        let feedTitle = HeaderEncoding.sanitized(article.feedTitle).isEmpty ? host(of: article.feedURL) ?? "Feed" : article.feedTitle
        h += "From: " + HeaderEncoding.phrase(feedTitle, firstLineUsed: 6) + " <\(MailMessage.fromAddress)>\n"
        let title = HeaderEncoding.sanitized(entry.title ?? "")
        h += HeaderEncoding.unstructured("Subject", title.isEmpty ? "(untitled)" : title)
        let date = entry.date.flatMap { MailDate.isRepresentable($0) ? $0 : nil } ?? article.fetchedAt
        h += "Date: " + MailDate.format(MailDate.isRepresentable(date) ? date : Date(timeIntervalSince1970: 0)) + "\n"
        // 86 characters: over the 78 that RFC 5322 recommends, far under the 998 it requires.
        // Folding before `<` is legal, but readers and procmail rules expect `Message-ID: <`.
        h += "Message-ID: <\(messageID)>\n"
        let listPhrase = HeaderEncoding.phrase(feedTitle, firstLineUsed: 9)
        let listAddress = "<\(listID(feedURL: article.feedURL))>"
        let lastLine = listPhrase.split(separator: "\n").last.map { $0.utf8.count } ?? 0
        let used = listPhrase.contains("\n") ? lastLine : 9 + lastLine
        h += "List-Id: " + listPhrase + (used + 1 + listAddress.utf8.count <= HeaderEncoding.lineLimit ? " " : "\n ") + listAddress + "\n"
        let link = MailParts.articleLink(entry).flatMap(uri)
        if let link {
            h += "Archived-At: <\(link)>\n"
        }
        if let feed = uri(article.feedURL) {
            h += "X-RSS-Feed: \(feed)\n"
        }
        if let link {
            h += "X-RSS-URL: \(link)\n"
        }
        let tags = entry.categories.map(HeaderEncoding.sanitized).filter { !$0.isEmpty }
        if !tags.isEmpty {
            h += HeaderEncoding.unstructured("X-RSS-Tags", tags.joined(separator: ", "))
        }
        if let feed = uri(article.feedURL) {
            h += "X-Tidings-Feed: \(feed)\n"
        }
        h += "X-Tidings-Entry: \(entryKey(article.entryKey))\n"
        h += "User-Agent: Tidings\n"
        h += "MIME-Version: 1.0\n"
        return h
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
        let trimmed = HeaderEncoding.sanitized(url)
        guard !trimmed.isEmpty else { return nil }
        var value = HeaderEncoding.percentEncodedASCII(trimmed)
        if value.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) {
            value = value.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
                .replacingOccurrences(of: "\"", with: "%22")
        }
        return value.utf8.count <= 900 ? value : nil
    }

    /// The entry key, printable ASCII only; very long keys (some guids are whole URLs with
    /// tracking parameters) are cut and made unique again with their hash.
    static func entryKey(_ key: String) -> String {
        let value = HeaderEncoding.percentEncodedASCII(key)
        guard value.utf8.count > 900 else { return value }
        return String(value.prefix(800)) + "...sha256:" + SHA256.hex(key)
    }
}
