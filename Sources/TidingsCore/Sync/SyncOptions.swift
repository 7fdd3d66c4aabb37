import Foundation
import TidingsFetch
import TidingsStatic

/// What one sync does and where it reads and writes.
public struct SyncOptions: Sendable {
    public var feedsPath: String
    public var stateDirectory: String
    /// The maildir to deliver into.
    public var maildir: String
    /// Record every current article as seen without delivering it.
    public var catchUp: Bool
    /// Transfers at once, across all hosts.
    public var jobs: Int
    /// Transfers at once to one host.
    public var perHost: Int
    public var limits: FetchLimits
    /// Messages written per durable batch (one syncfs, one transaction, one directory fsync).
    public var batchSize: Int
    /// Show a live progress line (on a terminal).
    public var progress: Bool
    /// When each feed is due next (recorded for the daemon and `tidings status`).
    public var policy: NextCheckPolicy
    /// Fetch feeds that answered 410 Gone again (the user says they are back).
    public var retryGone = false
    /// Rewrite `feeds.txt` for feeds that moved permanently (301/308), and move their state.
    public var rewriteMoved = false
    /// A contact (e-mail or URL) added to the User-Agent, so server operators can reach you.
    public var contact: String?
    /// How long after an entry left its feed its record (a compact tombstone) is kept; an
    /// entry that comes back within this time is not delivered again.
    public var forgetAfter: TimeInterval = 365 * 86400

    // Static site (issue 5). Delivery goes to whichever targets are set: the maildir when
    // `deliversMail`, the static directory when `staticDirectory` is set, or both.
    /// False when only a static site is wanted (`tidings sync --static DIR` without `--maildir`).
    public var deliversMail = true
    /// Render the articles into this directory after the sync (`--static DIR`).
    public var staticDirectory: String?
    /// How long articles stay on the static site (`--keep 30d` or `--keep 500`); nil keeps all.
    public var keep: SiteRetention?
    /// Page size and feed length of the static site (`--page-size`, `--feed-items`).
    public var site = SiteOptions()

    var userAgent: String {
        guard let contact, !contact.isEmpty else { return TidingsVersion.userAgent }
        return TidingsVersion.userAgent.dropLast() + "; +\(contact))"
    }

    public init(
        feedsPath: String, stateDirectory: String, maildir: String, catchUp: Bool = false,
        jobs: Int = 16, perHost: Int = 2, limits: FetchLimits = .default, batchSize: Int = 4000,
        progress: Bool = false, policy: NextCheckPolicy = NextCheckPolicy()
    ) {
        self.feedsPath = feedsPath
        self.stateDirectory = stateDirectory
        self.maildir = maildir
        self.catchUp = catchUp
        self.jobs = jobs
        self.perHost = perHost
        self.limits = limits
        self.batchSize = batchSize
        self.progress = progress
        self.policy = policy
    }
}
