import Foundation
import Testing
import TidingsModel
import TidingsTestSupport
@testable import TidingsStore

@Suite struct StateStoreTests {
    let dir = TemporaryDirectory("store")

    @Test func createsTheDatabaseAndReopensIt() throws {
        let store = try StateStore(directory: dir.path)
        let id = try store.feedID(url: "https://example.org/feed")
        #expect(try store.feedID(url: "https://example.org/feed") == id)
        let reopened = try StateStore(directory: dir.path)
        #expect(try reopened.feed(url: "https://example.org/feed")?.id == id)
        #expect(FileManager.default.fileExists(atPath: dir.file("state.db")))
    }

    @Test func remembersKeysAcrossReopen() throws {
        let store = try StateStore(directory: dir.path)
        let id = try store.feedID(url: "https://example.org/feed")
        let keys = (0..<100).map { KeyHash(key: "id:item-\($0)") }
        try store.transaction { () throws(TidingsError) in
            try store.insert(feedID: id, entries: keys.map { NewEntry(keyHash: $0) }, state: .delivered, at: Date())
        }
        let reopened = try StateStore(directory: dir.path)
        #expect(try reopened.knownKeys(feedID: id) == Set(keys))
        #expect(try reopened.allFeeds().first?.entryCount == 100)
    }

    @Test func failuresCountUpAndASuccessResetsThem() throws {
        let store = try StateStore(directory: dir.path)
        let id = try store.feedID(url: "https://example.org/feed")
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        try store.record(feedID: id, FeedUpdate(fetchedAt: t0, status: 200, etag: "\"v1\"", lastModified: "Mon, 01 Jan 2024 00:00:00 GMT", title: "Blog"))
        try store.record(feedID: id, FeedUpdate(fetchedAt: t0 + 60, status: 503, error: "HTTP 503", errorStage: .fetch))
        try store.record(feedID: id, FeedUpdate(fetchedAt: t0 + 120, status: nil, error: "timed out", errorStage: .fetch))
        var record = try #require(try store.feed(url: "https://example.org/feed"))
        #expect(record.consecutiveFailures == 2)
        #expect(record.failingSince == t0 + 60)
        #expect(record.lastError == "timed out")
        #expect(record.etag == "\"v1\"", "a failure keeps the validators")
        #expect(record.title == "Blog")
        try store.record(feedID: id, FeedUpdate(fetchedAt: t0 + 180, status: 304))
        record = try #require(try store.feed(url: "https://example.org/feed"))
        #expect(record.consecutiveFailures == 0)
        #expect(record.failingSince == nil)
        #expect(record.lastError == nil)
        #expect(record.etag == "\"v1\"", "a 304 without validators keeps the old ones")
    }

    @Test func pendingEntriesAreListedUntilDelivered() throws {
        let store = try StateStore(directory: dir.path)
        let id = try store.feedID(url: "https://example.org/feed")
        let a = KeyHash(key: "id:a"), b = KeyHash(key: "id:b")
        try store.insert(feedID: id, entries: [NewEntry(keyHash: a, deliveryName: "1.a.host", folder: "News"),
                                               NewEntry(keyHash: b, deliveryName: "1.b.host")], state: .pending, at: Date())
        let pending = try store.pendingDeliveries()
        #expect(pending.map(\.deliveryName) == ["1.a.host", "1.b.host"])
        #expect(pending.first?.folder == "News")
        try store.markDelivered(feedID: id, keys: [a])
        #expect(try store.pendingDeliveries().map(\.deliveryName) == ["1.b.host"])
    }

    @Test func forgettingAPendingEntryMakesTheFeedDownloadAgain() throws {
        let store = try StateStore(directory: dir.path)
        let id = try store.feedID(url: "https://example.org/feed")
        try store.record(feedID: id, FeedUpdate(fetchedAt: Date(), status: 200, etag: "\"v1\""))
        try store.insert(feedID: id, entries: [NewEntry(keyHash: KeyHash(key: "id:a"), deliveryName: "n")], state: .pending, at: Date())
        let pending = try #require(try store.pendingDeliveries().first)
        try store.forget(pending)
        #expect(try store.pendingDeliveries().isEmpty)
        #expect(try store.knownKeys(feedID: id).isEmpty)
        #expect(try store.feed(url: "https://example.org/feed")?.etag == nil)
    }

    @Test func pruneDropsOnlyEntriesThatLeftTheirFeedLongAgo() throws {
        let store = try StateStore(directory: dir.path)
        let id = try store.feedID(url: "https://example.org/feed")
        let now = Date()
        try store.insert(feedID: id, entries: [NewEntry(keyHash: KeyHash(key: "old"))], state: .delivered, at: now - 400 * 86400)
        try store.insert(feedID: id, entries: [NewEntry(keyHash: KeyHash(key: "recent"))], state: .delivered, at: now - 30 * 86400)
        // No parse since: the feed may have answered 304 all year, so its entries are still in it.
        #expect(try store.prune(unseenFor: 365 * 86400, now: now) == 0)
        var update = FeedUpdate(fetchedAt: now - 86400, status: 200)
        update.parsed = true
        try store.record(feedID: id, update)
        #expect(try store.prune(unseenFor: 365 * 86400, now: now) == 1)
        #expect(try store.knownKeys(feedID: id) == [KeyHash(key: "recent")])
    }

    @Test func pruneUsesTheLastSeenIndex() throws {
        let store = try StateStore(directory: dir.path)
        let plan = try store.queryPlan("DELETE FROM entries WHERE last_seen_at < 5 AND state != 0")
        #expect(plan.contains { $0.contains("entries_by_last_seen") }, "\(plan)")
    }

    /// A sync looks entries up per feed; those lookups must use the (feed_id, key_hash)
    /// index, or a sync of unchanged feeds slows down as history grows.
    @Test func hotQueriesUseTheirIndex() throws {
        let store = try StateStore(directory: dir.path)
        let known = try store.queryPlan("SELECT key_hash FROM entries WHERE feed_id = 1")
        #expect(known.contains { $0.contains("USING COVERING INDEX") }, "\(known)")
        let pending = try store.queryPlan("SELECT id FROM entries WHERE state = 0")
        #expect(pending.contains { $0.contains("entries_pending") }, "\(pending)")
        let feed = try store.queryPlan("SELECT id FROM feeds WHERE url = 'x'")
        #expect(feed.contains { $0.contains("INDEX") }, "\(feed)")
    }

    @Test func aNewerSchemaIsRefusedWithAnExplanation() throws {
        _ = try StateStore(directory: dir.path)
        let db = try SQLite(path: dir.file("state.db"))
        try db.execute("PRAGMA user_version = 99")
        #expect {
            _ = try StateStore(directory: dir.path)
        } throws: { error in
            (error as? TidingsError)?.message.contains("newer Tidings") == true
        }
    }

    @Test func aSecondLockIsRefusedAndNamesTheHolder() throws {
        let first = try StateLock(directory: dir.path)
        // flock locks belong to the open file description, so a second open in the same
        // process conflicts just as another process would.
        #expect {
            _ = try StateLock(directory: dir.path, wait: false)
        } throws: { error in
            (error as? TidingsError)?.message.contains("pid \(getpid())") == true
        }
        withExtendedLifetime(first) {}
    }
}
