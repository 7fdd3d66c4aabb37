import Foundation
import TidingsDeliver
import TidingsModel
import TidingsStore

/// Makes a batch of feed results durable, delivering each new article exactly once.
///
/// The order is what makes a crash at any moment harmless:
/// 1. every message was written into its maildir's `tmp/` when rendered; one `syncfs` flushes them;
/// 2. one transaction records the feeds' new validators and the new entries as *pending*,
///    each with its message's file name;
/// 3. the messages are renamed into `new/` and the directory is flushed;
/// 4. the entries are marked *delivered*.
/// A crash before 2 leaves only orphans in `tmp/` (cleaned later) and the old validators, so
/// the next sync fetches and delivers again. A crash after 2 leaves pending entries, which
/// `Recovery` finishes from `tmp/` or finds already in `new/`/`cur/`. Nothing is delivered
/// twice, nothing is lost.
struct DeliveryBatch {
    private(set) var results: [FeedResult] = []
    private(set) var messageCount = 0

    var isEmpty: Bool { results.isEmpty }

    mutating func add(_ result: FeedResult) {
        results.append(result)
        messageCount += result.messages.count
    }

    /// Writes the batch; returns the failures (per feed) and the number of articles delivered.
    func commit(store: StateStore, maildirs: MaildirSet?, catchUp: Bool, now: Date) -> (delivered: Int, failures: [TidingsError]) {
        var results = self.results
        var failures: [TidingsError] = []

        // 1. The messages were written into tmp/ as they were rendered; one flush makes
        //    them all durable.
        var staged: [(Maildir, [String])] = []
        do throws(TidingsError) {
            // No maildirs (a static-site-only sync) means no messages were staged.
            for (folder, messages) in Dictionary(grouping: results.flatMap(\.messages), by: \.folder) {
                guard let maildirs else { break }
                staged.append((try maildirs.maildir(folder: folder), messages.map(\.name)))
            }
            for (maildir, _) in staged { try maildir.flushStaged() }
            FailPoint.afterStage.check()
        } catch {
            // Nothing of this batch reached the database: the feeds that had articles to
            // deliver keep their old validators and will be fetched in full next time.
            for index in results.indices where !results[index].messages.isEmpty {
                results[index].failure = results[index].source.error(.deliver, error.message)
                results[index].newEntries = []
                results[index].stillPresent = []
            }
            for (maildir, names) in staged { maildir.discardStaged(names) }
            staged = []
        }

        // 2. One transaction: validators, health and the new entries as pending.
        do throws(TidingsError) {
            try store.transaction { () throws(TidingsError) in
                for result in results {
                    var update = result.update
                    if let failure = result.failure {
                        update.error = failure.message
                        update.errorStage = failure.stage
                    }
                    try store.record(feedID: result.feedID, update)
                    try store.insert(feedID: result.feedID, entries: result.newEntries,
                                     state: catchUp || result.messages.isEmpty ? .seen : .pending, at: now)
                    // Static site: the articles of those entries, in the same transaction.
                    if !result.newEntries.isEmpty { try store.insertArticles(feedID: result.feedID, result.articles) }
                    try store.touch(feedID: result.feedID, keys: result.stillPresent, at: now)
                }
            }
        } catch {
            for (maildir, names) in staged { maildir.discardStaged(names) }
            return (0, results.map { $0.failure ?? $0.source.error(.store, error.message) })
        }
        failures += results.compactMap(\.failure)
        FailPoint.afterRecord.check()

        // 3. Publish into new/; 4. mark delivered. A failure here leaves pending entries
        // that the next sync's recovery completes.
        var delivered = 0
        do throws(TidingsError) {
            for (maildir, names) in staged {
                try maildir.publish(names)
                delivered += names.count
            }
            FailPoint.afterPublish.check()
            try store.transaction { () throws(TidingsError) in
                for result in results where result.failure == nil && !result.messages.isEmpty {
                    try store.markDelivered(feedID: result.feedID, keys: result.messages.map(\.keyHash))
                }
            }
        } catch {
            failures.append(TidingsError(stage: .deliver, message: "\(error.message); the next sync finishes these deliveries"))
        }
        return (delivered, failures)
    }
}
