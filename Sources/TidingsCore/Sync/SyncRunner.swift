import Dispatch
import Foundation
import Logging
import TidingsDeliver
import TidingsFetch
import TidingsModel
import TidingsParse
import TidingsStatic
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
    /// nil when only a static site is wanted (`sync --static DIR` without `--maildir`).
    private let maildirs: MaildirSet?
    private let storeQueue = DispatchQueue(label: "tidings.store")
    private let workQueue = DispatchQueue(label: "tidings.work", qos: .userInitiated, attributes: .concurrent)
    /// Creates the message files. One thread: two threads creating files in one directory
    /// serialise on its lock in the kernel and spin (measured: 11% of a cold sync's CPU).
    private let writerQueue = DispatchQueue(label: "tidings.write", qos: .userInitiated)
    private let pending = DispatchGroup()
    /// Feeds downloaded but not yet stored. The fetch loop waits when this many are in
    /// flight, so bodies and rendered messages never pile up in memory faster than the
    /// CPU can work through them.
    private let inFlight = DispatchSemaphore(value: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))
    private let progress: ProgressLine?
    private let startedAt = Date()

    /// What the database knew of each feed when the sync started (index = feeds index).
    private var records: [FeedRecord?] = []
    /// Feeds (by index) whose redirect chain was all permanent, and where to. Store queue.
    private var movedFeeds: [Int: String] = [:]

    // Confined to storeQueue.
    private var report = SyncReport()
    private var batch = DeliveryBatch()

    init(options: SyncOptions, feeds: [FeedSource], store: StateStore, logger: Logger) throws(TidingsError) {
        self.options = options
        self.feeds = feeds
        self.logger = logger
        self.store = store
        self.maildirs = options.deliversMail ? try MaildirSet(root: options.maildir, folders: Set(feeds.map(\.folder))) : nil
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
        let runner = try SyncRunner(options: options, feeds: list.feeds, store: store, logger: logger)
        var report = try runner.run()
        report.warnings = list.warnings + report.warnings
        return report
    }

    func run() throws(TidingsError) -> SyncReport {
        report.feeds = feeds.count
        if let maildirs {
            report.recovered = try Recovery.run(store: store, maildirs: maildirs)
            // Only after recovery: it may still need messages staged in tmp/.
            for maildir in maildirs.all { maildir.cleanTmp() }
        }

        let now = Date()
        var requests: [FetchRequest] = []
        requests.reserveCapacity(feeds.count)
        for (index, feed) in feeds.enumerated() {
            var record = try store.feed(url: feed.url)
            if record?.goneSince != nil, options.retryGone {
                try store.clearGone(url: feed.url)
                record?.goneSince = nil
            }
            records.append(record)
            if let gone = record?.goneSince {
                report.failures.append(feed.error(.fetch, "gone: the server said HTTP 410 Gone on \(gone.iso8601UTC) "
                    + "and it is no longer fetched; remove this line, or run `tidings sync --retry-gone` if it is back"))
                continue
            }
            if let wait = record?.retryAfter, wait > now {
                report.deferred += 1
                report.warnings.append(feed.error(.fetch, "not fetched: the server asked to wait until \(wait.iso8601UTC) (Retry-After)"))
                continue
            }
            if !feed.verifyTLS {
                report.warnings.append(feed.error(.fetch, "TLS certificate verification is OFF for this feed (tls-verify=no): anyone on the network path can forge it"))
            }
            requests.append(FetchRequest(url: feed.location, etag: record?.etag, lastModified: record?.lastModified,
                                         tag: index, verifyTLS: feed.verifyTLS))
        }

        let fetcher = Fetcher(limits: options.limits, userAgent: options.userAgent,
                              maxConcurrent: options.jobs, maxPerHost: options.perHost)
        fetcher.run(requests) { request, result in
            self.pending.enter()
            let source = self.feeds[request.tag]
            switch result {
            case .success(let response) where response.status == 304:
                self.storeQueue.async { self.notModified(source, response, index: request.tag) }
            case .success(let response):
                self.inFlight.wait()
                self.workQueue.async { self.parse(request.tag, response) }
            case .failure(let failure):
                self.storeQueue.async { self.failed(request.tag, failure) }
            }
        }
        pending.wait()
        storeQueue.sync {
            flush()
            progress?.finish()
        }
        try handleMoved()
        do {
            try store.prune(unseenFor: options.forgetAfter)
        } catch {
            report.warnings.append(TidingsError(stage: .store, message: "pruning old entries failed (\(error.message)); nothing is lost, it is retried next time"))
        }
        updateStaticSite()
        report.failures.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return report
    }

    /// Static site (`--static DIR`): render what changed, after every batch is committed.
    /// A failure here is reported but does not undo the sync (the articles are stored; the
    /// next sync renders them).
    private func updateStaticSite() {
        guard let directory = options.staticDirectory else { return }
        do {
            let started = Date()
            let outcome = try SiteUpdate.run(directory: directory, options: options.site, keep: options.keep, feeds: feeds, store: store)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            report.staticSite = "static site \(directory): \(outcome.written) files written, \(outcome.unchanged) unchanged, "
                + "\(outcome.removed) removed in \(seconds) s"
        } catch {
            report.failures.append(TidingsError(stage: .deliver, message: "static site \(directory): \(error.message)"))
        }
    }

    /// Feeds that answered with a permanent redirect chain: tell the user, or with
    /// `--rewrite-moved` write the new URL into feeds.txt and move the feed's state to it.
    private func handleMoved() throws(TidingsError) {
        let moved = movedFeeds.sorted { $0.key < $1.key }.map { (feeds[$0.key], $0.value) }
        guard !moved.isEmpty else { return }
        guard options.rewriteMoved else {
            for (source, target) in moved {
                report.warnings.append(source.error(.fetch, "moved permanently to \(URLRedaction.redact(target)); "
                    + "run `tidings sync --rewrite-moved` to update \((source.file as NSString).lastPathComponent)"))
            }
            return
        }
        let rewrites = moved.map { FeedListRewriter.Rewrite(line: $0.0.line, old: $0.0.url, new: $0.1) }
        try FeedListRewriter.apply(rewrites, to: options.feedsPath)
        for (source, target) in moved {
            try store.renameFeed(from: source.url, to: target)
        }
        report.rewritten = moved.count
    }

    // MARK: stages

    private func notModified(_ source: FeedSource, _ response: FetchResponse, index: Int) {
        defer { pending.leave() }
        if let target = response.permanentRedirect { movedFeeds[index] = target }
        report.notModified += 1
        report.feedsOK += 1
        withFeedID(source) { feedID in
            batch.add(FeedResult(source: source, feedID: feedID, update: update(for: response, source, record: records[index])))
        }
        progress?.advance(failed: false)
    }

    private func failed(_ index: Int, _ failure: FetchFailure) {
        defer { pending.leave() }
        let source = feeds[index]
        let advice = failure.status == 410 ? "; it will not be fetched again until you run `tidings sync --retry-gone`" : ""
        report.failures.append(source.error(.fetch, failure.message + advice))
        withFeedID(source) { feedID in
            let now = Date()
            let failures = (records[index]?.consecutiveFailures ?? 0) + 1
            var hints = NextCheckPolicy.Hints(interval: source.every, retryAfter: failure.retryAfter)
            hints.skip = SkipTimes(stored: records[index]?.skipTimes)
            var update = FeedUpdate(fetchedAt: now, status: failure.status, error: failure.message, errorStage: .fetch,
                                    nextDueAt: options.policy.nextCheck(now: now, hints: hints, consecutiveFailures: failures),
                                    retryAfter: failure.retryAfter)
            update.timingsJSON = failure.timings.flatMap(Self.json)
            batch.add(FeedResult(source: source, feedID: feedID, update: update))
        }
        progress?.advance(failed: true)
    }

    /// On the work queue: parse and key the entries, then dedup on the store queue.
    private func parse(_ index: Int, _ response: FetchResponse) {
        let source = feeds[index]
        let bodyHash = BodyHash.of(response.body)
        if let known = records[index]?.bodyHash, known == bodyHash, !options.catchUp {
            // The server ignored our conditional request but sent the same bytes: nothing to parse.
            storeQueue.async {
                self.notModified(source, response, index: index)
                self.inFlight.signal()
            }
            return
        }
        let parsed: ParsedFeed
        do {
            parsed = try FeedParser.parse(response.body, documentURL: response.effectiveURL, contentType: response.contentType)
        } catch {
            storeQueue.async {
                defer { self.finishParsed() }
                let failure = source.error(.parse, error.message)
                self.report.failures.append(failure)
                self.withFeedID(source) { feedID in
                    var update = self.update(for: response, source, record: self.records[index])
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
        storeQueue.async {
            if let target = response.permanentRedirect { self.movedFeeds[index] = target }
            self.dedup(source, response, parsed, keyed, hashes, bodyHash: bodyHash, record: self.records[index])
        }
    }

    /// On the store queue: find the entries never seen before, then render them on the work queue.
    private func dedup(_ source: FeedSource, _ response: FetchResponse, _ parsed: ParsedFeed,
                       _ keyed: [EntryIdentity.Keyed], _ hashes: [KeyHash], bodyHash: String, record: FeedRecord?) {
        withFeedID(source, leaveOnFailure: true) { (feedID: Int64) throws(TidingsError) in
            let known = try store.knownKeys(feedID: feedID)
            var result = FeedResult(source: source, feedID: feedID, update: update(for: response, source, parsed, record: record))
            result.update.bodyHash = bodyHash
            result.update.parsed = true
            var fresh: [(EntryIdentity.Keyed, KeyHash)] = []
            for (item, hash) in zip(keyed, hashes) {
                if known.contains(hash) {
                    result.stillPresent.append(hash)
                } else if let alias = item.aliases.lazy.map({ KeyHash(key: $0) }).first(where: known.contains) {
                    result.stillPresent.append(alias) // the same guid under its other scheme
                } else {
                    fresh.append((item, hash))
                }
            }
            // Static site: new entries also become articles, with --catch-up too (catching up
            // keeps a busy feed out of the mailbox; the site should still show what it has).
            let wantsSite = options.staticDirectory != nil && !fresh.isEmpty
            if options.catchUp || fresh.isEmpty || maildirs == nil {
                result.newEntries = fresh.map { NewEntry(keyHash: $0.1) }
                if options.catchUp { report.caughtUp += fresh.count }
                guard wantsSite else {
                    accept(result)
                    finishParsed()
                    return
                }
                let seenResult = result
                let toStore = fresh
                workQueue.async {
                    var withArticles = seenResult
                    withArticles.articles = StaticArticles.make(source, parsed, toStore, seenAt: Date())
                    let stored = withArticles
                    self.storeQueue.async {
                        if self.maildirs == nil { self.report.delivered += stored.articles.count }
                        self.accept(stored)
                        self.finishParsed()
                    }
                }
                return
            }
            let feedTitle = source.title ?? parsed.title ?? Self.hostName(source.url)
            let keyedResult = result
            let toRender = fresh
            workQueue.async {
                var withArticles = keyedResult
                if wantsSite { withArticles.articles = StaticArticles.make(source, parsed, toRender, seenAt: Date()) }
                let forStaging = withArticles
                let messages = self.render(source, feedTitle: feedTitle, siteLink: parsed.link, toRender)
                self.writerQueue.async {
                    let staged = self.stage(source, messages, into: forStaging)
                    self.storeQueue.async {
                        self.accept(staged)
                        self.finishParsed()
                    }
                }
            }
        }
    }

    private struct Rendered: Sendable {
        var name: String
        var bytes: [UInt8]
        var keyHash: KeyHash
    }

    /// On the work queue: one message per new article.
    private func render(_ source: FeedSource, feedTitle: String, siteLink: String?,
                        _ fresh: [(EntryIdentity.Keyed, KeyHash)]) -> [Rendered] {
        let now = Date()
        let feedURL = URLRedaction.redact(source.url)
        return fresh.map { item, hash in
            let article = MailArticle(feedTitle: feedTitle, feedURL: feedURL, siteLink: siteLink,
                                      entry: item.entry, entryKey: item.key, fetchedAt: now)
            let name = Maildir.uniqueName(messageID: MailMessage.messageID(feedURL: feedURL, entryKey: item.key), at: now)
            return Rendered(name: name, bytes: MailMessage.render(article), keyHash: hash)
        }
    }

    /// On the writer queue: writes the feed's messages into the maildir's `tmp/`. If one
    /// can't be written (disk full), the feed fails in the deliver stage and none of its
    /// articles count as seen, so the next sync tries them all again.
    private func stage(_ source: FeedSource, _ messages: [Rendered], into result: FeedResult) -> FeedResult {
        var result = result
        do throws(TidingsError) {
            guard let maildirs else { return result }  // not reached: nothing is staged without a maildir
            let maildir = try maildirs.maildir(folder: source.folder)
            do throws(TidingsError) {
                try maildir.stage(messages.map { (name: $0.name, message: $0.bytes) })
            } catch {
                maildir.discardStaged(messages.map(\.name))
                throw error
            }
            for message in messages {
                result.newEntries.append(NewEntry(keyHash: message.keyHash, deliveryName: message.name, folder: source.folder))
                result.messages.append(StagedMessage(name: message.name, folder: source.folder, keyHash: message.keyHash))
            }
        } catch {
            result.failure = source.error(.deliver, error.message)
            result.newEntries = []
            result.messages = []
            result.stillPresent = []
        }
        return result
    }

    /// On the store queue: add a feed's result to the batch; commit when the batch is full.
    private func accept(_ result: FeedResult) {
        if let failure = result.failure {
            report.failures.append(failure)
        } else {
            report.feedsOK += 1
        }
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

    /// A downloaded feed is done with (stored, or failed).
    private func finishParsed() {
        pending.leave()
        inFlight.signal()
    }

    /// Runs `body` with the feed's database id; a database error fails the feed (stage store).
    private func withFeedID(_ source: FeedSource, leaveOnFailure: Bool = false, _ body: (Int64) throws(TidingsError) -> Void) {
        do {
            try body(try store.feedID(url: source.url))
        } catch {
            report.failures.append(source.error(.store, error.message))
            if leaveOnFailure { finishParsed() }
        }
    }

    private func update(for response: FetchResponse, _ source: FeedSource, _ parsed: ParsedFeed? = nil,
                        record: FeedRecord?) -> FeedUpdate {
        let now = Date()
        // How often the feed posts: from this parse, else as last measured (a 304 has no entries).
        let postingGap = parsed.flatMap { PostingRate.typicalGap($0.entries.compactMap(\.date)) } ?? record?.postingGap
        // skipHours/skipDays: from this parse, else as last read.
        let skip = parsed.map { SkipTimes(hours: Set($0.skipHours), days: Set($0.skipDays)) } ?? SkipTimes(stored: record?.skipTimes)
        var hints = NextCheckPolicy.Hints(interval: source.every, cacheMaxAge: response.cacheMaxAge, feedTTL: parsed?.ttl,
                                          postingGap: postingGap)
        hints.skip = skip
        var update = FeedUpdate(
            fetchedAt: now, status: response.status, etag: response.etag, lastModified: response.lastModified,
            title: parsed?.title, siteLink: parsed?.link, movedTo: response.permanentRedirect,
            timingsJSON: Self.json(response.timings),
            nextDueAt: options.policy.nextCheck(now: now, hints: hints, consecutiveFailures: 0))
        update.postingGap = postingGap
        if parsed != nil { update.skipTimes = skip.stored ?? "" }
        return update
    }

    private static func json(_ timings: FetchTimings) -> String? {
        (try? JSONEncoder().encode(timings)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func hostName(_ url: String) -> String {
        URL(string: url)?.host ?? (url as NSString).lastPathComponent
    }
}
