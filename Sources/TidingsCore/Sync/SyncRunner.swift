import Dispatch
import Foundation
import Logging
import TidingsDeliver
import TidingsFetch
import TidingsModel
import TidingsParse
import TidingsStore

/// One pass over every feed: fetch → parse → dedup → store → deliver.
///
/// Threads: the calling thread runs the fetch loop (libcurl multi); parsing and rendering
/// run on a concurrent queue; everything that touches the database or the maildir runs on
/// one serial queue, so the database sees one writer and batches stay ordered.
public final class SyncRunner: @unchecked Sendable {
    private let options: SyncOptions
    private let feeds: [FeedSource]
    private let logger: Logger
    private let store: StateStore
    private let maildirs: MaildirSet
    private let storeQueue = DispatchQueue(label: "tidings.store")
    private let workQueue = DispatchQueue(label: "tidings.work", qos: .userInitiated, attributes: .concurrent)
    private let pending = DispatchGroup()
    private let progress: ProgressLine?
    private let startedAt = Date()

    // Confined to storeQueue.
    private var report = SyncReport()
    private var batch = DeliveryBatch()

    init(options: SyncOptions, feeds: [FeedSource], store: StateStore, logger: Logger) {
        self.options = options
        self.feeds = feeds
        self.logger = logger
        self.store = store
        self.maildirs = MaildirSet(root: options.maildir)
        self.progress = options.progress ? ProgressLine(total: feeds.count) : nil
    }

    /// Runs a whole sync: takes the state lock, reads `feeds.txt`, fetches everything,
    /// delivers, and returns what happened. Throws only for problems that stop the whole
    /// sync (configuration, an unusable state directory); a feed's failure is in the report.
    public static func sync(_ options: SyncOptions, logger: Logger, onWait: (String) -> Void = { _ in }) throws -> SyncReport {
        let list = try FeedList.load(path: options.feedsPath)
        let lock = try StateLock(directory: options.stateDirectory, onWait: onWait)
        defer { withExtendedLifetime(lock) {} }
        let store = try StateStore(directory: options.stateDirectory)
        let runner = SyncRunner(options: options, feeds: list.feeds, store: store, logger: logger)
        var report = try runner.run()
        report.warnings = list.warnings + report.warnings
        return report
    }

    func run() throws(TidingsError) -> SyncReport {
        report.feeds = feeds.count
        report.recovered = try Recovery.run(store: store, maildirs: maildirs)
        for folder in Set(feeds.map(\.folder)) {
            try maildirs.maildir(folder: folder).cleanTmp()
        }

        var requests: [FetchRequest] = []
        requests.reserveCapacity(feeds.count)
        for (index, feed) in feeds.enumerated() {
            let record = try store.feed(url: feed.url)
            requests.append(FetchRequest(url: feed.location, etag: record?.etag, lastModified: record?.lastModified, tag: index))
        }

        let fetcher = Fetcher(limits: options.limits, userAgent: TidingsVersion.userAgent,
                              maxConcurrent: options.jobs, maxPerHost: options.perHost)
        fetcher.run(requests) { request, result in
            self.pending.enter()
            let source = self.feeds[request.tag]
            switch result {
            case .success(let response) where response.status == 304:
                self.storeQueue.async { self.notModified(source, response) }
            case .success(let response):
                self.workQueue.async { self.parse(source, response) }
            case .failure(let failure):
                self.storeQueue.async { self.failed(source, failure) }
            }
        }
        pending.wait()
        return storeQueue.sync {
            flush()
            progress?.finish()
            report.failures.sort { ($0.line ?? 0) < ($1.line ?? 0) }
            return report
        }
    }

    // MARK: stages

    private func notModified(_ source: FeedSource, _ response: FetchResponse) {
        defer { pending.leave() }
        report.notModified += 1
        report.feedsOK += 1
        withFeedID(source) { feedID in
            batch.add(FeedResult(source: source, feedID: feedID, update: update(for: response)))
        }
        progress?.advance(failed: false)
    }

    private func failed(_ source: FeedSource, _ failure: FetchFailure) {
        defer { pending.leave() }
        let error = source.error(.fetch, failure.message)
        report.failures.append(error)
        withFeedID(source) { feedID in
            var update = FeedUpdate(fetchedAt: Date(), status: failure.status, error: failure.message, errorStage: .fetch)
            update.timingsJSON = failure.timings.flatMap(Self.json)
            batch.add(FeedResult(source: source, feedID: feedID, update: update))
        }
        progress?.advance(failed: true)
    }

    /// On the work queue: parse and key the entries, then dedup on the store queue.
    private func parse(_ source: FeedSource, _ response: FetchResponse) {
        let parsed: ParsedFeed
        do {
            parsed = try FeedParser.parse(response.body, documentURL: response.effectiveURL, contentType: response.contentType)
        } catch {
            storeQueue.async {
                defer { self.pending.leave() }
                let failure = source.error(.parse, error.message)
                self.report.failures.append(failure)
                self.withFeedID(source) { feedID in
                    var update = self.update(for: response)
                    update.etag = nil
                    update.lastModified = nil
                    self.batch.add(FeedResult(source: source, feedID: feedID, update: update, failure: failure))
                }
                self.progress?.advance(failed: true)
            }
            return
        }
        for warning in parsed.warnings.prefix(3) {
            logger.debug("recovered from ill-formed XML", metadata: ["feed": "\(source.url)", "detail": "\(warning)"])
        }
        let keyed = EntryIdentity.keyed(parsed.entries)
        let hashes = keyed.map { KeyHash(key: $0.key) }
        storeQueue.async { self.dedup(source, response, parsed, keyed, hashes) }
    }

    /// On the store queue: find the entries never seen before, then render them on the work queue.
    private func dedup(_ source: FeedSource, _ response: FetchResponse, _ parsed: ParsedFeed,
                       _ keyed: [EntryIdentity.Keyed], _ hashes: [KeyHash]) {
        withFeedID(source, leaveOnFailure: true) { (feedID: Int64) throws(TidingsError) in
            let known = try store.knownKeys(feedID: feedID)
            var result = FeedResult(source: source, feedID: feedID, update: update(for: response, parsed))
            var fresh: [(EntryIdentity.Keyed, KeyHash)] = []
            for (item, hash) in zip(keyed, hashes) {
                if known.contains(hash) {
                    result.stillPresent.append(hash)
                } else {
                    fresh.append((item, hash))
                }
            }
            if options.catchUp || fresh.isEmpty {
                result.newEntries = fresh.map { NewEntry(keyHash: $0.1) }
                report.caughtUp += fresh.count
                accept(result)
                pending.leave()
                return
            }
            let feedTitle = source.title ?? parsed.title ?? Self.hostName(source.url)
            let keyedResult = result
            let toRender = fresh
            workQueue.async {
                var result = keyedResult
                let now = Date()
                for (item, hash) in toRender {
                    let feedURL = URLRedaction.redact(source.url)
                    let article = MailArticle(feedTitle: feedTitle, feedURL: feedURL, siteLink: parsed.link,
                                              entry: item.entry, entryKey: item.key, fetchedAt: now)
                    let messageID = MailMessage.messageID(feedURL: feedURL, entryKey: item.key)
                    let name = Maildir.uniqueName(messageID: messageID, at: now)
                    result.newEntries.append(NewEntry(keyHash: hash, deliveryName: name, folder: source.folder))
                    result.messages.append(StagedMessage(name: name, bytes: MailMessage.render(article),
                                                         folder: source.folder, keyHash: hash))
                }
                let rendered = result
                self.storeQueue.async {
                    self.accept(rendered)
                    self.pending.leave()
                }
            }
        }
    }

    /// On the store queue: add a feed's result to the batch; commit when the batch is full.
    private func accept(_ result: FeedResult) {
        report.feedsOK += 1
        batch.add(result)
        progress?.advance(failed: false, articles: result.messages.count)
        if batch.messageCount >= options.batchSize { flush() }
    }

    private func flush() {
        guard !batch.isEmpty else { return }
        let outcome = batch.commit(store: store, maildirs: maildirs, catchUp: options.catchUp, now: Date())
        batch = DeliveryBatch()
        report.delivered += outcome.delivered
        for failure in outcome.failures where !report.failures.contains(failure) {
            if failure.feed != nil { report.feedsOK -= 1 }
            report.failures.append(failure)
        }
    }

    // MARK: helpers

    /// Runs `body` with the feed's database id; a database error fails the feed (stage store).
    private func withFeedID(_ source: FeedSource, leaveOnFailure: Bool = false, _ body: (Int64) throws(TidingsError) -> Void) {
        do {
            try body(try store.feedID(url: source.url))
        } catch {
            report.failures.append(source.error(.store, error.message))
            if leaveOnFailure { pending.leave() }
        }
    }

    private func update(for response: FetchResponse, _ parsed: ParsedFeed? = nil) -> FeedUpdate {
        let now = Date()
        let interval = 3600.0
        return FeedUpdate(
            fetchedAt: now, status: response.status, etag: response.etag, lastModified: response.lastModified,
            title: parsed?.title, siteLink: parsed?.link, movedTo: response.permanentRedirect,
            timingsJSON: Self.json(response.timings), nextDueAt: now.addingTimeInterval(interval))
    }

    private static func json(_ timings: FetchTimings) -> String? {
        (try? JSONEncoder().encode(timings)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func hostName(_ url: String) -> String {
        URL(string: url)?.host ?? (url as NSString).lastPathComponent
    }
}
