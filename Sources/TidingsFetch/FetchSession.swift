import CCurl
import CTidingsShims
import Foundation

/// A multi handle and its transfer slots. The multi owns the connection cache, the DNS cache
/// and TLS session reuse, so a session is worth keeping between runs: the second sync of a
/// daemon reuses the first one's connections. Used by one `run` (one thread) at a time;
/// `SessionPool` hands it over under a lock.
final class FetchSession {
    let multi: CurlMulti
    private let limits: FetchLimits
    private let userAgent: String
    private var idle: [Transfer] = []
    /// Every slot ever made, keeping them alive while libcurl holds their opaque pointers.
    private var all: [Transfer] = []

    init?(limits: FetchLimits, userAgent: String, maxConcurrent: Int, maxPerHost: Int) {
        guard let multi = CurlMulti(maxConcurrent: maxConcurrent, maxPerHost: maxPerHost) else { return nil }
        self.multi = multi
        self.limits = limits
        self.userAgent = userAgent
    }

    /// Starts a request on an idle slot (or a new one). Nil means libcurl refused.
    func start(_ request: FetchRequest, index: Int, host: Int, hostKey: String) -> Transfer? {
        let transfer: Transfer
        if let reused = idle.popLast() {
            transfer = reused
        } else {
            guard let made = Transfer(limits: limits, userAgent: userAgent) else { return nil }
            all.append(made)
            transfer = made
        }
        transfer.prepare(request, index: index, host: host, hostKey: hostKey)
        guard multi.add(transfer.easy) else {
            transfer.recycle()
            idle.append(transfer)
            return nil
        }
        return transfer
    }

    /// The next finished transfer, already detached from the multi.
    func nextFinished() -> (transfer: Transfer, result: CURLcode)? {
        guard let (easy, result) = multi.nextFinished() else { return nil }
        var context: UnsafeMutableRawPointer?
        tidings_curl_easy_getinfo_ptr(easy, CURLINFO_PRIVATE, &context)
        let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
        multi.remove(transfer.easy)
        return (transfer, result)
    }

    /// Returns a slot whose result has been read.
    func release(_ transfer: Transfer) {
        transfer.recycle()
        idle.append(transfer)
    }
}

/// Idle sessions of one `Fetcher`, shared by whichever thread calls `run` next.
final class SessionPool: @unchecked Sendable {
    // @unchecked: `sessions` is only touched under `lock`, and a session taken out is owned
    // by exactly one running `run` until it is put back.
    private let lock = NSLock()
    private var sessions: [FetchSession] = []
    /// Enough for a daemon's overlapping runs; more would only hold sockets open.
    private let keep = 2

    func take() -> FetchSession? {
        lock.withLock { sessions.popLast() }
    }

    func put(_ session: FetchSession) {
        lock.withLock {
            if sessions.count < keep { sessions.append(session) }
        }
    }
}
