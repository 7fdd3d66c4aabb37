import Dispatch
import Foundation
import Logging
import TidingsModel
import TidingsStore
#if canImport(Glibc)
import Glibc
#endif

/// `tidings run`: the sync pipeline on a schedule, for the life of the process.
///
/// Threads: `queue` (serial) owns the schedule, the feed list, the one timer and the signal
/// sources — every decision happens there. Passes run on `PassWorker`'s serial queue, one at
/// a time (one database writer), while `queue` stays free for signals and watchdog pings.
/// The thread that called `run` just waits for the end.
public final class Daemon: @unchecked Sendable {
    private let options: DaemonOptions
    private let logger: Logger
    private let queue = DispatchQueue(label: "tidings.daemon")
    private let passQueue = DispatchQueue(label: "tidings.pass")
    private let worker: PassWorker
    private let notifier: SystemdNotify?
    private let done = DispatchSemaphore(value: 0)

    // Confined to `queue`.
    private var feeds: [String: FeedSource] = [:]
    private var schedule = FeedSchedule()
    private var failing: Set<String> = []
    private var timer: (any DispatchSourceTimer)?
    private var watchdog: (any DispatchSourceTimer)?
    private var signals: SignalSources?
    private var passRunning = false
    private var stopping = false
    private var status = DaemonStatus()

    private init(options: DaemonOptions, store: StateStore, logger: Logger) {
        self.options = options
        self.logger = logger
        self.worker = PassWorker(store: store, options: options, logger: logger)
        self.notifier = SystemdNotify(environment: options.environment)
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status. Throws before starting for a
    /// feeds file with errors (`FeedList.Invalid`) or an unusable state directory. Holds the
    /// state lock throughout, so `tidings sync` on the same state waits for the daemon.
    public static func run(_ options: DaemonOptions, logger: Logger, onWait: (String) -> Void = { _ in }) throws -> Int32 {
        let list = try FeedList.load(path: options.sync.feedsPath)
        let lock = try StateLock(directory: options.sync.stateDirectory, onWait: onWait)
        defer { withExtendedLifetime(lock) {} }
        let daemon = Daemon(options: options, store: try StateStore(directory: options.sync.stateDirectory), logger: logger)
        for warning in list.warnings { logger.warning("\(warning.description)") }
        daemon.start(list.feeds)
        daemon.done.wait()
        daemon.passQueue.sync { daemon.worker.close() }
        logger.notice("stopped")
        return 0
    }

    // MARK: start

    private func start(_ list: [FeedSource]) {
        let plans = passQueue.sync { worker.initialPlans(for: list, now: Date()) }
        queue.sync {
            for feed in list { feeds[feed.location] = feed }
            apply(plans)
            installSources()
            arm()
            let next = schedule.nextDue().map { " (first due \($0.iso8601UTC))" } ?? ""
            logger.notice("started: \(feeds.count) feeds from \(options.sync.feedsPath)\(next)")
            notifier?.send(["READY=1", "STATUS=" + statusLine()])
        }
    }

    /// Everything here is created in a nonisolated method and runs on `queue` (PLATFORM.md:
    /// handlers written in `@main` would be inferred `@MainActor` and trap).
    private func installSources() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [self] in timerFired() }
        timer.resume()
        self.timer = timer

        signals = SignalSources(queue: queue, handlers: [
            (SIGHUP, { @Sendable [self] in reload() }),
            (SIGUSR1, { @Sendable [self] in fetchAllNow() }),
            (SIGTERM, { @Sendable [self] in shutdown(SIGTERM) }),
            (SIGINT, { @Sendable [self] in shutdown(SIGINT) }),
        ])

        if let notifier, let interval = SystemdNotify.watchdogInterval(environment: options.environment) {
            // Pinged from the control queue: proves the event loop answers, even during a long pass.
            let watchdog = DispatchSource.makeTimerSource(queue: queue)
            watchdog.schedule(deadline: .now(), repeating: interval, leeway: .milliseconds(Int(interval * 100)))
            watchdog.setEventHandler { notifier.send(["WATCHDOG=1"]) }
            watchdog.resume()
            self.watchdog = watchdog
        }
    }

    // MARK: the timer

    /// Sets the one timer to the earliest due time. A wall-clock deadline, so after a suspend
    /// or a clock jump it fires as soon as the due time has passed, once.
    private func arm() {
        guard !stopping, let timer else { return }
        guard let next = schedule.nextDue() else {
            timer.schedule(wallDeadline: .distantFuture)
            return
        }
        timer.schedule(wallDeadline: .now() + max(0, next.timeIntervalSinceNow), leeway: .milliseconds(200))
    }

    private func timerFired() {
        guard !stopping, !passRunning else { return }  // a finishing pass re-arms
        let keys = schedule.takeDue(now: Date())
        guard !keys.isEmpty else { return arm() }
        startPass(keys)
    }

    private func startPass(_ keys: [String]) {
        var found: [FeedSource] = []
        for key in keys {
            if let feed = feeds[key] { found.append(feed) } else { schedule.remove(key) }
        }
        let batch = found
        guard !batch.isEmpty else { return arm() }
        passRunning = true
        logger.debug("pass starting: \(batch.count) feed\(batch.count == 1 ? "" : "s") due")
        passQueue.async { [self] in
            let outcome = worker.pass(batch)
            queue.async { [self] in finishPass(outcome) }
        }
    }

    private func finishPass(_ outcome: PassWorker.Outcome) {
        passRunning = false
        apply(outcome.plans)
        status.lastPass = outcome.finishedAt
        status.lastFetched = outcome.plans.count
        status.lastDelivered = outcome.report?.delivered ?? 0
        status.lastFailed = outcome.report?.failures.count ?? outcome.plans.count
        if stopping { return finishShutdown() }
        arm()
        notifier?.send(["STATUS=" + statusLine()])
    }

    /// Puts feeds (back) on the schedule; a feed removed from feeds.txt meanwhile stays off.
    private func apply(_ plans: [FeedPlan]) {
        for plan in plans {
            guard let feed = feeds[plan.key] else {
                schedule.remove(plan.key)
                continue
            }
            if plan.failing { failing.insert(plan.key) } else { failing.remove(plan.key) }
            if let due = plan.due {
                schedule.set(plan.key, due: due, interval: options.interval(of: feed))
            } else {
                schedule.remove(plan.key)
            }
        }
    }

    // MARK: signals

    /// SIGHUP: read feeds.txt again. Added feeds are scheduled (from their stored state, else
    /// within the first minute), removed ones dropped, changed options used from the next fetch
    /// (a shorter `every=` also pulls the next fetch in). A file with errors changes nothing.
    private func reload() {
        guard !stopping else { return }
        let list: FeedList
        do {
            list = try FeedList.load(path: options.sync.feedsPath)
        } catch {
            for problem in error.errors { logger.error("\(problem.description)") }
            logger.error("\(options.sync.feedsPath) not reloaded (\(error.errors.count) error\(error.errors.count == 1 ? "" : "s")); still running the \(feeds.count) feeds read before")
            return
        }
        for warning in list.warnings { logger.warning("\(warning.description)") }
        let old = feeds
        feeds = Dictionary(list.feeds.map { ($0.location, $0) }, uniquingKeysWith: { first, _ in first })
        let removed = old.keys.filter { feeds[$0] == nil }
        for key in removed {
            schedule.remove(key)
            failing.remove(key)
        }
        var changed = 0
        let now = Date()
        var added: [FeedSource] = []
        for feed in list.feeds {
            guard let before = old[feed.location] else {
                added.append(feed)
                continue
            }
            if before != feed { changed += 1 }
            let interval = options.interval(of: feed)
            guard interval != options.interval(of: before) else { continue }
            schedule.setInterval(feed.location, interval)
            if let due = schedule.due(feed.location), due > now.addingTimeInterval(interval) {
                schedule.set(feed.location, due: now.addingTimeInterval(interval), interval: interval)
            }
        }
        logger.notice("reloaded \(options.sync.feedsPath): \(feeds.count) feeds (\(added.count) added, \(removed.count) removed, \(changed) changed)")
        if !added.isEmpty {
            let added = added
            // The stored state of added feeds is read on the pass queue (after a pass in flight).
            passQueue.async { [self] in
                let plans = worker.initialPlans(for: added, now: Date())
                queue.async { [self] in
                    apply(plans.filter { !schedule.contains($0.key) })
                    arm()
                }
            }
        }
        arm()
        notifier?.send(["STATUS=" + statusLine()])
    }

    /// SIGUSR1: every feed is due now (those in the pass in flight were just fetched).
    private func fetchAllNow() {
        guard !stopping else { return }
        logger.notice("fetching every feed now (SIGUSR1)")
        schedule.makeAllDue(now: Date())
        if passRunning { return }  // the pass in flight re-arms the timer when it ends
        timerFired()
    }

    /// SIGTERM/SIGINT: start nothing new, let the pass in flight finish (its batch is made
    /// durable or not at all; DeliveryBatch's order makes either safe), close the database,
    /// exit 0. A second signal, or a pass that outlives `stopTimeout`, ends the process at
    /// once: like a crash, which the next start repairs; `new/` never holds half a message.
    private func shutdown(_ signo: Int32) {
        let name = signo == SIGTERM ? "SIGTERM" : "SIGINT"
        if stopping {
            logger.warning("\(name) again: exiting without waiting for the pass in flight; the next start completes its deliveries")
            _exit(128 + signo)
        }
        stopping = true
        timer?.cancel()
        notifier?.send(["STOPPING=1", "STATUS=stopping"])
        guard passRunning else { return finishShutdown() }
        logger.notice("stopping (\(name)): waiting up to \(Interval.format(options.stopTimeout)) for the pass in flight")
        queue.asyncAfter(deadline: .now() + options.stopTimeout) { [self] in
            guard passRunning else { return }
            logger.warning("the pass in flight did not finish within \(Interval.format(options.stopTimeout)); exiting; the next start completes its deliveries")
            _exit(0)
        }
    }

    private func finishShutdown() {
        watchdog?.cancel()
        watchdog = nil
        timer?.cancel()
        timer = nil  // the sources' handlers hold `self`; dropping them ends the cycle
        signals?.cancel()
        signals = nil
        done.signal()
    }

    private func statusLine() -> String {
        status.feeds = feeds.count
        status.failing = failing.count
        status.next = schedule.nextDue()
        return status.line
    }
}
