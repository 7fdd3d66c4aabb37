import Foundation
import TidingsModel

/// Everything needed to render one article as mail.
public struct MailArticle: Sendable {
    /// The From: display name and the List-Id phrase.
    public var feedTitle: String
    /// The feed's URL, credentials already removed by the caller.
    public var feedURL: String
    /// The feed's home page.
    public var siteLink: String?
    public var entry: ParsedEntry
    /// Stable identity of the entry within its feed (from `EntryIdentity`).
    public var entryKey: String
    /// Used for Date: when the entry has no date.
    public var fetchedAt: Date

    public init(feedTitle: String, feedURL: String, siteLink: String? = nil, entry: ParsedEntry, entryKey: String, fetchedAt: Date) {
        self.feedTitle = feedTitle
        self.feedURL = feedURL
        self.siteLink = siteLink
        self.entry = entry
        self.entryKey = entryKey
        self.fetchedAt = fetchedAt
    }
}
