import ArgumentParser
import Foundation
import TidingsCore
import TidingsFetch

extension Tidings {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch every feed once and deliver the new articles.",
            discussion: """
                Prints one line per failed feed (file:line: feed: stage: reason) on stderr and a \
                summary on stdout. Exit status: 0 when every feed succeeded, 1 when some failed \
                (the others were still delivered), 2 on usage or configuration errors.
                """
        )

        @OptionGroup var common: CommonOptions

        @OptionGroup(title: "Limits on every transfer") var fetchLimits: FetchLimitOptions

        @OptionGroup(title: "Delivery") var delivery: DeliveryOptions

        @Flag(name: .long, help: "Record every current article as seen without delivering it.")
        var catchUp = false

        @Option(name: .long, help: "Transfers at once.")
        var jobs: Int = 16

        @Option(name: .long, help: "Transfers at once to one host.")
        var perHost: Int = 2

        @Flag(name: .long, help: "Fetch feeds that answered 410 Gone again.")
        var retryGone = false

        @Flag(name: .long, help: "Write the new URL of permanently moved feeds (301/308) into the feeds file.")
        var rewriteMoved = false

        @Option(name: .long, help: ArgumentHelp("Your e-mail or URL, sent in the User-Agent so server operators can reach you (default: $TIDINGS_CONTACT).", valueName: "contact"))
        var contact: String?

        @Option(name: .long, help: ArgumentHelp("Messages made durable together (one flush, one transaction).", visibility: .hidden))
        var batchSize: Int = 4000

        func validate() throws {
            guard jobs >= 1, jobs <= 1000 else { throw ValidationError("--jobs must be between 1 and 1000") }
            guard perHost >= 1 else { throw ValidationError("--per-host must be at least 1") }
        }

        func run() throws {
            let logger = common.makeLogger()
            var options = SyncOptions(
                feedsPath: common.feeds, stateDirectory: common.state, maildir: delivery.maildirPath, catchUp: catchUp,
                jobs: jobs, perHost: perHost, batchSize: max(1, batchSize), progress: stderrIsTerminal)
            options.limits = fetchLimits.limits
            options.retryGone = retryGone
            options.rewriteMoved = rewriteMoved
            options.contact = contact ?? ProcessInfo.processInfo.environment["TIDINGS_CONTACT"]
            delivery.apply(to: &options)
            let report = try exitingOnSetupError {
                try SyncRunner.sync(options, logger: logger, onWait: { printError("tidings: \($0)") })
            }
            for warning in report.warnings { printError("warning: \(warning)") }
            for failure in report.failures { printError(failure.description) }
            print(report.summary)
            if let site = report.staticSite { print(site) }
            if !report.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
