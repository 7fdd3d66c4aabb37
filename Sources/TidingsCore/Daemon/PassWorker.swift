import Foundation
import Logging
import TidingsModel
import TidingsStore

/// Runs the daemon's passes and everything else that touches the state database or the
/// maildir. Confined to one serial queue: the database keeps one writer, and a failure notice
/// is never written while a pass cleans the maildir's `tmp/`.
final class PassWorker: @unchecked Sendable {
    private var store: StateStore?
    private let options: DaemonOptions
    private let logger: Logger

    struct Outcome: Sendable {
        var plans: [FeedPlan] = []
        var report: SyncReport?
        var startedAt: Date
        var finishedAt: Date
    }

    init(store: StateStore, options: DaemonOptions, logger: Logger) {
        self.store = store
        self.options = options
        self.logger = logger
    }

    /// Closes the database (a clean close checkpoints the WAL).
    func close() { store = nil }

    /// When each feed is first due after a start or a reload: as stored by the last pass (so a
    /// restart fetches nothing early), or spread over the first minute if never fetched.
    func initialPlans(for feeds: [FeedSource], now: Date) -> [FeedPlan] {
        feeds.map { feed in
            let record = (try? store?.feed(url: feed.url)) ?? nil
            let interval = options.interval(of: feed)
            guard let record, let stored = record.nextDueAt else {
                return FeedPlan(key: feed.location, due: InitialDue.at(now: now, interval: interval, spread: options.initialSpread), failing: false)
            }
            if let gone = record.goneSince {
                logger.warning("not fetched: the server said 410 Gone on \(gone.iso8601UTC); remove the line, or stop the daemon and run `tidings sync --retry-gone`",
                               metadata: ["feed": "\(URLRedaction.redact(feed.url))", "line": "\(feed.line)"])
                return FeedPlan(key: feed.location, due: nil, failing: true)
            }
            var due = stored
            if let wait = record.retryAfter, wait > due { due = wait }
            return FeedPlan(key: feed.location, due: due, failing: record.failingSince != nil)
        }
    }

    /// One pass over `feeds` with the sync pipeline, then each feed's next due time as the
    /// pass recorded it, and failure notices where they are due.
    func pass(_ feeds: [FeedSource]) -> Outcome {
        var outcome = Outcome(startedAt: Date(), finishedAt: Date())
        guard let store else { return outcome }
        do {
            let runner = try SyncRunner(options: options.passOptions, feeds: feeds, store: store, logger: logger)
            outcome.report = try runner.run()
        } catch {
            logger.error("pass failed: \(error.description); its feeds are tried again after their interval")
        }
        let now = Date()
        outcome.finishedAt = now
        var records: [String: FeedRecord] = [:]
        for feed in feeds {
            let record = (try? store.feed(url: feed.url)) ?? nil
            records[feed.url] = record
            outcome.plans.append(FeedPlan(key: feed.location, due: nextDue(feed, record, now: now),
                                          failing: record?.failingSince != nil))
            if let record, let threshold = options.notifyAfter {
                notify(feed, record, threshold: threshold, now: now)
            }
        }
        if let report = outcome.report { log(report, records) }
        return outcome
    }

    /// The stored next due time. When the pass could not record one (a database error, a
    /// feed skipped for Retry-After, a pass longer than the interval), the feed waits one
    /// interval rather than firing again at once: a stuck feed must never spin the daemon.
    private func nextDue(_ feed: FeedSource, _ record: FeedRecord?, now: Date) -> Date? {
        if record?.isGone == true { return nil }
        var due = record?.nextDueAt ?? .distantPast
        if let wait = record?.retryAfter, wait > due { due = wait }
        if due <= now {
            let delay = NextCheckPolicy.jittered(options.interval(of: feed), fraction: options.jitter, unit: Double.random(in: 0..<1))
            due = now.addingTimeInterval(delay)
        }
        return due
    }

    private func notify(_ feed: FeedSource, _ record: FeedRecord, threshold: TimeInterval, now: Date) {
        // A static-site-only daemon has no maildir to write notices into; the log says it.
        guard let store, options.sync.deliversMail else { return }
        do throws(TidingsError) {
            let noticeAt = try store.failureNoticeAt(feedID: record.id)
            guard let kind = FailureNotice.decide(record: record, noticeAt: noticeAt, now: now, threshold: threshold) else { return }
            let article = FailureNotice.article(kind, source: feed, record: record, noticeAt: noticeAt, now: now)
            // Delivered before it is recorded: a crash in between repeats the notice rather than losing it.
            try FailureNotice.deliver(article, maildir: options.sync.maildir, now: now)
            try store.setFailureNotice(feedID: record.id, at: kind == .failing ? now : nil)
            logger.notice(kind == .failing ? "feed failing since \((record.failingSince ?? now).iso8601UTC); notice delivered" : "feed works again; notice delivered",
                          metadata: ["feed": "\(URLRedaction.redact(feed.url))", "line": "\(feed.line)"])
        } catch {
            logger.error("could not deliver a failure notice: \(error.description)", metadata: ["feed": "\(URLRedaction.redact(feed.url))"])
        }
    }

    /// A feed's first failure is a warning; repeats are info, so a feed that stays down for
    /// days does not fill the journal (its backoff and one notice say enough).
    private func log(_ report: SyncReport, _ records: [String: FeedRecord]) {
        for failure in report.failures {
            let repeated = failure.feed.flatMap { records[$0]?.consecutiveFailures }.map { $0 > 1 } ?? false
            logger.log(level: repeated ? .info : .warning, "\(failure.description)")
        }
        for warning in report.warnings { logger.info("\(warning.description)") }
        logger.info("pass: \(report.summary)")
    }
}
