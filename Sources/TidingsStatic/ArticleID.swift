import TidingsModel

/// The stable name of an article's page.
///
/// Derived from the feed URL and the entry's identity key (`EntryIdentity`), so the same
/// article keeps its page across syncs and machines: 16 hex digits (64 bits) of SHA-256 —
/// short enough for file names, far from colliding at the scale of one person's feeds.
public enum ArticleID {
    public static func make(feedURL: String, entryKey: String) -> String {
        var hasher = SHA256()
        hasher.update(feedURL)
        hasher.update([0])
        hasher.update(entryKey)
        return String(hasher.finalize().hexString.prefix(16))
    }
}
