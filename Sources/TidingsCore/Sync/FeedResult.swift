import TidingsDeliver
import TidingsModel
import TidingsStore

/// Everything one feed's fetch produced, waiting in a `DeliveryBatch` to be made durable.
struct FeedResult: Sendable {
    var source: FeedSource
    var feedID: Int64
    var update: FeedUpdate
    /// Entries seen for the first time, with their message when one is delivered.
    var newEntries: [NewEntry] = []
    var messages: [StagedMessage] = []
    /// Entries already known that are still in the feed (their tombstones stay fresh).
    var stillPresent: [KeyHash] = []
    /// Set when the feed failed; its validators are then not advanced.
    var failure: TidingsError?
    /// The new entries' articles for the static site (only with `--static`), stored in the
    /// same transaction as the entries.
    var articles: [NewArticle] = []
}

/// A message already written into its maildir's `tmp/`, not yet flushed or published.
struct StagedMessage: Sendable {
    var name: String
    var folder: String?
    var keyHash: KeyHash
}
