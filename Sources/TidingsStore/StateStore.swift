import Foundation
import TidingsModel

/// The state database (`state.db`, SQLite in WAL mode) in the state directory:
/// which feeds exist, their validators and health, and every entry ever seen.
///
/// Not thread-safe: one store belongs to one serial queue, so the database sees one writer.
public final class StateStore {
    public static let fileName = "state.db"
    let db: SQLite
    public let path: String

    public init(directory: String) throws(TidingsError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw TidingsError(stage: .store, message: "cannot create the state directory \(directory): \(error.localizedDescription)")
        }
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        db = try SQLite(path: path)
        // WAL: readers (tidings status) never block the writer. FULL: a committed
        // transaction survives power loss, which exactly-once delivery relies on.
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        try migrate()
    }

    private func migrate() throws(TidingsError) {
        let version = try db.statement("PRAGMA user_version")
        try version.step()
        let current = Int(version.int64(0) ?? 0)
        version.reset()
        guard current < Migrations.steps.count else {
            if current > Migrations.steps.count {
                throw TidingsError(stage: .store, message: "\(path) was written by a newer Tidings (schema \(current)); upgrade Tidings")
            }
            return
        }
        try transaction { () throws(TidingsError) in
            for (index, step) in Migrations.steps.enumerated().dropFirst(current) {
                try db.execute(step)
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    /// Runs `body` in one transaction: all of it is stored, or none.
    public func transaction<T>(_ body: () throws(TidingsError) -> T) throws(TidingsError) -> T {
        try db.execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try db.execute("COMMIT")
            return value
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    // MARK: feeds

    /// The feed's id, creating its record on first sight.
    public func feedID(url: String) throws(TidingsError) -> Int64 {
        let select = try db.statement("SELECT id FROM feeds WHERE url = ?")
        select.bind(1, url)
        if try select.step(), let id = select.int64(0) { return id }
        let insert = try db.statement("INSERT INTO feeds (url) VALUES (?)")
        insert.bind(1, url)
        try insert.step()
        return db.lastInsertRowID
    }

    private static let feedColumns = """
        f.id, f.url, f.title, f.site_link, f.etag, f.last_modified, f.last_fetch_at, f.last_status,
        f.last_error, f.last_error_stage, f.last_success_at, f.failing_since, f.consecutive_failures,
        f.next_due_at, f.moved_to, f.timings
        """

    private static let feedExtraColumns = "f.body_hash, f.gone_since, f.retry_after, f.posting_gap, f.skip_times"

    public func feed(url: String) throws(TidingsError) -> FeedRecord? {
        let statement = try db.statement("SELECT \(Self.feedColumns), 0, \(Self.feedExtraColumns) FROM feeds f WHERE f.url = ?")
        statement.bind(1, url)
        return try statement.step() ? Self.feedRecord(statement) : nil
    }

    /// Every feed with its entry count, in URL order.
    public func allFeeds() throws(TidingsError) -> [FeedRecord] {
        let statement = try db.statement("""
            SELECT \(Self.feedColumns), (SELECT count(*) FROM entries e WHERE e.feed_id = f.id), \(Self.feedExtraColumns)
            FROM feeds f ORDER BY f.url
            """)
        var records: [FeedRecord] = []
        while try statement.step() { records.append(Self.feedRecord(statement)) }
        return records
    }

    private static func feedRecord(_ s: Statement) -> FeedRecord {
        func date(_ column: Int32) -> Date? { s.double(column).map(Date.init(timeIntervalSince1970:)) }
        return FeedRecord(
            id: s.int64(0) ?? 0, url: s.string(1) ?? "", title: s.string(2), siteLink: s.string(3),
            etag: s.string(4), lastModified: s.string(5), lastFetchAt: date(6), lastStatus: s.int64(7).map(Int.init),
            lastError: s.string(8), lastErrorStage: s.string(9), lastSuccessAt: date(10), failingSince: date(11),
            consecutiveFailures: Int(s.int64(12) ?? 0), nextDueAt: date(13), movedTo: s.string(14),
            timingsJSON: s.string(15), entryCount: Int(s.int64(16) ?? 0),
            bodyHash: s.string(17), goneSince: date(18), retryAfter: date(19), postingGap: s.double(20),
            skipTimes: s.string(21)
        )
    }

    /// Records one fetch: validators and health. A failure keeps the validators and the
    /// last good title, counts consecutive failures and remembers since when the feed fails.
    public func record(feedID: Int64, _ update: FeedUpdate) throws(TidingsError) {
        let at = update.fetchedAt.timeIntervalSince1970
        if update.error == nil {
            let statement = try db.statement("""
                UPDATE feeds SET last_fetch_at = ?1, last_status = ?2,
                    etag = coalesce(?3, etag), last_modified = coalesce(?4, last_modified),
                    title = coalesce(?5, title), site_link = coalesce(?6, site_link),
                    moved_to = ?7, timings = ?8, next_due_at = ?9,
                    last_error = NULL, last_error_stage = NULL, last_success_at = ?1,
                    failing_since = NULL, consecutive_failures = 0,
                    body_hash = coalesce(?11, body_hash), gone_since = NULL, retry_after = NULL,
                    last_parsed_at = CASE WHEN ?12 THEN ?1 ELSE last_parsed_at END,
                    posting_gap = coalesce(?13, posting_gap),
                    skip_times = CASE WHEN ?14 IS NULL THEN skip_times ELSE nullif(?14, '') END
                WHERE id = ?10
                """)
            statement.bind(1, at)
            statement.bind(2, update.status)
            statement.bind(3, update.etag)
            statement.bind(4, update.lastModified)
            statement.bind(5, update.title)
            statement.bind(6, update.siteLink)
            statement.bind(7, update.movedTo)
            statement.bind(8, update.timingsJSON)
            statement.bind(9, update.nextDueAt?.timeIntervalSince1970)
            statement.bind(10, feedID)
            statement.bind(11, update.bodyHash)
            statement.bind(12, update.parsed ? 1 : 0)
            statement.bind(13, update.postingGap)
            statement.bind(14, update.skipTimes)
            try statement.step()
        } else {
            let statement = try db.statement("""
                UPDATE feeds SET last_fetch_at = ?1, last_status = ?2, last_error = ?3, last_error_stage = ?4,
                    timings = coalesce(?5, timings), next_due_at = ?6,
                    failing_since = coalesce(failing_since, ?1),
                    consecutive_failures = consecutive_failures + 1,
                    gone_since = CASE WHEN ?2 = 410 THEN coalesce(gone_since, ?1) ELSE NULL END,
                    retry_after = ?8
                WHERE id = ?7
                """)
            statement.bind(1, at)
            statement.bind(2, update.status)
            statement.bind(3, update.error)
            statement.bind(4, update.errorStage?.rawValue)
            statement.bind(5, update.timingsJSON)
            statement.bind(6, update.nextDueAt?.timeIntervalSince1970)
            statement.bind(7, feedID)
            statement.bind(8, update.retryAfter?.timeIntervalSince1970)
            try statement.step()
        }
    }

    /// Moves a feed's record (validators, entries, history) to a new URL, after the user
    /// accepted a permanent redirect, so nothing is delivered again under the new address.
    public func renameFeed(from old: String, to new: String) throws(TidingsError) {
        if try feed(url: new) != nil {
            throw TidingsError(stage: .store, message: "\(URLRedaction.redact(new)) is already a separate feed in the state database")
        }
        let statement = try db.statement("UPDATE feeds SET url = ?, moved_to = NULL WHERE url = ?")
        statement.bind(1, new)
        statement.bind(2, old)
        try statement.step()
    }

    /// Lets a feed that answered 410 Gone be fetched again.
    public func clearGone(url: String) throws(TidingsError) {
        let statement = try db.statement("UPDATE feeds SET gone_since = NULL, retry_after = NULL WHERE url = ?")
        statement.bind(1, url)
        try statement.step()
    }

    /// Forgets a feed's validators so its next fetch downloads it in full.
    public func clearValidators(feedID: Int64) throws(TidingsError) {
        let statement = try db.statement("UPDATE feeds SET etag = NULL, last_modified = NULL WHERE id = ?")
        statement.bind(1, feedID)
        try statement.step()
    }

    // MARK: entries

    /// The keys of every entry this feed ever had (including tombstones).
    public func knownKeys(feedID: Int64) throws(TidingsError) -> Set<KeyHash> {
        let statement = try db.statement("SELECT key_hash FROM entries WHERE feed_id = ?")
        statement.bind(1, feedID)
        var keys = Set<KeyHash>()
        while try statement.step() {
            if let key = statement.keyHash(0) { keys.insert(key) }
        }
        return keys
    }

    public func insert(feedID: Int64, entries: [NewEntry], state: EntryState, at date: Date) throws(TidingsError) {
        let statement = try db.statement("""
            INSERT OR IGNORE INTO entries (feed_id, key_hash, state, first_seen_at, last_seen_at, delivery_name, folder)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let at = date.timeIntervalSince1970
        for entry in entries {
            statement.reset()
            statement.bind(1, feedID)
            statement.bind(2, entry.keyHash)
            statement.bind(3, state.rawValue)
            statement.bind(4, at)
            statement.bind(5, at)
            statement.bind(6, entry.deliveryName)
            statement.bind(7, entry.folder)
            try statement.step()
        }
    }

    /// Marks entries still present in their feed as seen now, so pruning keeps them.
    public func touch(feedID: Int64, keys: [KeyHash], at date: Date) throws(TidingsError) {
        let statement = try db.statement("UPDATE entries SET last_seen_at = ? WHERE feed_id = ? AND key_hash = ?")
        for key in keys {
            statement.reset()
            statement.bind(1, date.timeIntervalSince1970)
            statement.bind(2, feedID)
            statement.bind(3, key)
            try statement.step()
        }
    }

    public func pendingDeliveries() throws(TidingsError) -> [PendingDelivery] {
        let statement = try db.statement("SELECT id, feed_id, delivery_name, folder FROM entries WHERE state = 0 ORDER BY id")
        var out: [PendingDelivery] = []
        while try statement.step() {
            out.append(PendingDelivery(
                entryID: statement.int64(0) ?? 0, feedID: statement.int64(1) ?? 0,
                deliveryName: statement.string(2) ?? "", folder: statement.string(3)))
        }
        return out
    }

    public func markDelivered(entryIDs: [Int64]) throws(TidingsError) {
        let statement = try db.statement("UPDATE entries SET state = 1, delivery_name = NULL, folder = NULL WHERE id = ?")
        for id in entryIDs {
            statement.reset()
            statement.bind(1, id)
            try statement.step()
        }
    }

    /// Marks the entries with these keys delivered once their messages are in `new/`.
    public func markDelivered(feedID: Int64, keys: [KeyHash]) throws(TidingsError) {
        let statement = try db.statement(
            "UPDATE entries SET state = 1, delivery_name = NULL, folder = NULL WHERE feed_id = ? AND key_hash = ? AND state = 0")
        for key in keys {
            statement.reset()
            statement.bind(1, feedID)
            statement.bind(2, key)
            try statement.step()
        }
    }

    /// Drops a pending entry whose message vanished before it reached `new/`, and makes
    /// its feed download in full next time, so the article is delivered again rather than lost.
    public func forget(_ pending: PendingDelivery) throws(TidingsError) {
        let statement = try db.statement("DELETE FROM entries WHERE id = ?")
        statement.bind(1, pending.entryID)
        try statement.step()
        try clearValidators(feedID: pending.feedID)
    }

    /// Deletes the records of entries that left their feed more than `age` ago: unseen for
    /// that long *and* absent from a later parse of the feed (a feed answering 304 for a year
    /// still holds its entries, so those are kept). Until then a record is a compact tombstone
    /// (a 128-bit key hash): an entry that drops out and comes back is not delivered again.
    @discardableResult
    public func prune(unseenFor age: TimeInterval, now: Date = Date()) throws(TidingsError) -> Int {
        let statement = try db.statement("""
            DELETE FROM entries WHERE last_seen_at < ?1 AND state != 0
              AND last_seen_at < (SELECT last_parsed_at FROM feeds WHERE feeds.id = entries.feed_id)
            """)
        statement.bind(1, now.timeIntervalSince1970 - age)
        try statement.step()
        return db.changes
    }

    /// The query plan SQLite picks for a statement, for tests that keep hot queries on their index.
    public func queryPlan(_ sql: String) throws(TidingsError) -> [String] {
        let statement = try db.statement("EXPLAIN QUERY PLAN " + sql)
        var rows: [String] = []
        while try statement.step() { rows.append(statement.string(3) ?? "") }
        return rows
    }
}
