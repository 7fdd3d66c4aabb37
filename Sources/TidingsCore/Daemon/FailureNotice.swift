import Foundation
import TidingsDeliver
import TidingsModel
import TidingsStore

/// The one message a long-failing feed earns, and the one when it works again.
///
/// A feed that fails now and then is normal on the internet; mail about each failure would
/// teach the user to ignore it. So the daemon stays quiet until a feed has failed for longer
/// than a threshold (a day by default), then delivers ONE notice into the maildir the user
/// reads anyway — through the same durable path as articles — and one more on recovery.
/// `feeds.failure_notice_at` remembers that the notice went out, across restarts.
struct FailureNotice: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case failing
        case recovered
    }

    /// What, if anything, to tell the user after a feed's fetch. A feed the server declared
    /// gone (410) is not retried, so waiting for the threshold would mean never telling.
    static func decide(record: FeedRecord, noticeAt: Date?, now: Date, threshold: TimeInterval) -> Kind? {
        if let since = record.failingSince {
            guard noticeAt == nil else { return nil }
            return record.isGone || now.timeIntervalSince(since) >= threshold ? .failing : nil
        }
        return noticeAt == nil ? nil : .recovered
    }

    /// The notice as mail: a `MailArticle` whose entry is the notice, so it renders like every
    /// other message (From: the feed, List-Id, a stable Message-ID) and files next to the feed's mail.
    static func article(_ kind: Kind, source: FeedSource, record: FeedRecord, noticeAt: Date?, now: Date) -> MailArticle {
        let feedURL = URLRedaction.redact(source.url)
        let title = source.title ?? record.title ?? SyncRunner.hostName(source.url)
        let place = "line \(source.line) of \((source.file as NSString).lastPathComponent)"
        let entry: ParsedEntry
        let key: String
        switch kind {
        case .failing:
            let since = record.failingSince ?? now
            key = "tidings-notice:failing:\(Int(since.timeIntervalSince1970))"
            let error = record.lastError.map { "\(record.lastErrorStage ?? "fetch"): \($0)" } ?? "unknown"
            var advice: String
            if record.isGone {
                advice = "The server says this feed is gone for good (HTTP 410 Gone), so Tidings no longer fetches it. "
                    + "Remove \(place) and reload the daemon (<code>systemctl reload tidings</code> or "
                    + "<code>kill -HUP</code>). If it is back, stop the daemon and run <code>tidings sync --retry-gone</code>."
            } else {
                advice = "Open the URL in a browser. If the feed moved, put its new address on \(place) and "
                    + "reload the daemon (<code>systemctl reload tidings</code> or <code>kill -HUP</code>); if it is gone, "
                    + "remove the line. Meanwhile Tidings keeps trying, less and less often (at most a day apart), and "
                    + "sends one more message when the feed works again."
            }
            advice += " <code>tidings status</code> shows every feed's health."
            entry = ParsedEntry(
                id: key, title: "Feed failing since \(since.iso8601UTC): \(title)", published: now,
                content: UTF8Text("""
                    <p>Tidings has not been able to fetch <b>\(escape(title))</b> (\(escape(feedURL))) since \
                    \(since.iso8601UTC): \(record.consecutiveFailures) attempt\(record.consecutiveFailures == 1 ? "" : "s") in a row.</p>
                    <p>Last error: \(escape(error))</p>
                    <p>\(advice)</p>
                    """))
        case .recovered:
            let at = record.lastSuccessAt ?? now
            key = "tidings-notice:recovered:\(Int(at.timeIntervalSince1970))"
            let told = noticeAt.map { " (reported failing on \($0.iso8601UTC))" } ?? ""
            entry = ParsedEntry(
                id: key, title: "Feed works again: \(title)", published: now,
                content: UTF8Text("""
                    <p><b>\(escape(title))</b> (\(escape(feedURL)))\(told) was fetched successfully at \(at.iso8601UTC). \
                    Nothing to do; new articles arrive as before.</p>
                    """))
        }
        return MailArticle(feedTitle: title, feedURL: feedURL, siteLink: record.siteLink, entry: entry, entryKey: key, fetchedAt: now)
    }

    /// Writes the notice into the maildir's top folder (where the user looks first), durably:
    /// tmp/, flush, rename into new/.
    static func deliver(_ article: MailArticle, maildir root: String, now: Date) throws(TidingsError) {
        let maildir = try Maildir(root: root)
        let name = Maildir.uniqueName(messageID: MailMessage.messageID(feedURL: article.feedURL, entryKey: article.entryKey), at: now)
        _ = try maildir.deliver([(name: name, message: MailMessage.render(article))])
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(char)
            }
        }
        return out
    }
}
