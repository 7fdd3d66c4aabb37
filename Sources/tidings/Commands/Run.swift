import ArgumentParser
import Foundation
import TidingsCore

extension Tidings {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run as a daemon: fetch each feed when it is due and deliver new articles.",
            discussion: """
                Each feed is fetched every --every (or its every= in feeds.txt), later when the \
                server asks or the feed keeps failing. Signals: SIGHUP rereads the feeds file, \
                SIGUSR1 fetches every feed now, SIGTERM/SIGINT finish the fetch in progress and \
                exit. Under systemd (Type=notify) it reports readiness, status and watchdog pings. \
                A feed failing for longer than --notify-after gets one notice in the maildir, and \
                one more when it works again.
                """
        )

        @OptionGroup var common: CommonOptions

        @OptionGroup(title: "Limits on every transfer") var fetchLimits: FetchLimitOptions

        @OptionGroup(title: "Delivery") var delivery: DeliveryOptions

        @Option(name: .long, help: ArgumentHelp("How often to fetch feeds without every= (90s, 30m, 2h, 1d).", valueName: "interval"))
        var every: String = "1h"

        @Option(name: .long, help: ArgumentHelp("Adapt each feed's interval to how often it posts (half its typical gap between posts), within these bounds, e.g. 15m-1d. Feeds with every= keep theirs.", valueName: "min-max"))
        var adaptive: String?

        @Option(name: .long, help: ArgumentHelp("Deliver one notice when a feed has failed this long, and one when it recovers; 'never' to turn off.", valueName: "duration"))
        var notifyAfter: String = "24h"

        @Option(name: .long, help: "Transfers at once.")
        var jobs: Int = 16

        @Option(name: .long, help: "Transfers at once to one host.")
        var perHost: Int = 2

        @Option(name: .long, help: ArgumentHelp("Your e-mail or URL, sent in the User-Agent so server operators can reach you (default: $TIDINGS_CONTACT).", valueName: "contact"))
        var contact: String?

        @Option(name: .long, help: ArgumentHelp("On SIGTERM, how long the fetch in progress may take to finish.", valueName: "duration"))
        var stopTimeout: String = "20s"

        /// Tests start feeds at once instead of within the first minute.
        @Option(name: .long, help: ArgumentHelp("Spread never-fetched feeds over this long after start ('0' for none).", visibility: .hidden))
        var initialSpread: String = "1m"

        func validate() throws {
            guard Interval.parse(every) != nil else { throw ValidationError("--every \(every) is not a duration; write e.g. 30m, 2h or 1d") }
            guard notifyAfter == "never" || Interval.parse(notifyAfter) != nil else {
                throw ValidationError("--notify-after \(notifyAfter) is not a duration; write e.g. 24h, 3d or never")
            }
            if let adaptive, Self.bounds(adaptive) == nil {
                throw ValidationError("--adaptive \(adaptive): write two durations, the shortest and the longest interval, e.g. 15m-1d")
            }
            guard Interval.parse(stopTimeout) != nil else { throw ValidationError("--stop-timeout \(stopTimeout) is not a duration; write e.g. 20s") }
            guard initialSpread == "0" || Interval.parse(initialSpread) != nil else { throw ValidationError("--initial-spread \(initialSpread) is not a duration") }
            guard jobs >= 1, jobs <= 1000 else { throw ValidationError("--jobs must be between 1 and 1000") }
            guard perHost >= 1 else { throw ValidationError("--per-host must be at least 1") }
        }

        /// `15m-1d` → 900...86400.
        static func bounds(_ text: String) -> ClosedRange<TimeInterval>? {
            let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
            guard parts.count == 2, let low = Interval.parse(parts[0]), let high = Interval.parse(parts[1]), low <= high else { return nil }
            return low...high
        }

        func run() throws {
            let logger = common.makeLogger()
            var sync = SyncOptions(feedsPath: common.feeds, stateDirectory: common.state, maildir: delivery.maildirPath,
                                   jobs: jobs, perHost: perHost)
            delivery.apply(to: &sync)
            sync.contact = contact ?? ProcessInfo.processInfo.environment["TIDINGS_CONTACT"]
            sync.limits = fetchLimits.limits
            // Validated above. `every` below a minute is accepted here (not in feeds.txt) for tests.
            var options = DaemonOptions(sync: sync, every: Interval.parse(every)!)
            options.notifyAfter = notifyAfter == "never" ? nil : Interval.parse(notifyAfter)
            options.stopTimeout = Interval.parse(stopTimeout)!
            options.adaptive = adaptive.flatMap(Self.bounds)
            options.initialSpread = initialSpread == "0" ? 0 : Interval.parse(initialSpread)!
            let status = try exitingOnSetupError {
                try Daemon.run(options, logger: logger, onWait: { logger.notice("\($0)") })
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
