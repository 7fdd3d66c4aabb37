import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A scriptable HTTP/1.1 server on 127.0.0.1 for tests: an ephemeral port, POSIX sockets, a
/// thread per connection, keep-alive. Tests add routes (before or after start), make requests
/// against `baseURL`, then assert on what the server saw (`requests`, `maxConcurrentRequests`).
///
///     let server = try LoopbackHTTPServer()
///     server.route("/feed.xml") { request in
///         request.header("If-None-Match") == "\"v1\""
///             ? LoopbackResponse(status: 304)
///             : LoopbackResponse(headers: ["ETag": "\"v1\""], body: "<rss/>")
///     }
///     server.route("/slow", .drip(bytesPerSecond: 1))
///     fetch(server.url("/feed.xml"))
///
/// Unrouted paths answer 404. The server stops in `stop()` or when released.
public final class LoopbackHTTPServer: Sendable {
    /// The port the server listens on (127.0.0.1).
    public let port: UInt16
    private let core: LoopbackServerCore

    /// `http://127.0.0.1:<port>`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `baseURL` + `path`, e.g. `url("/feed.xml")`.
    public func url(_ path: String) -> String { baseURL + path }

    /// Starts listening at once; routes may be added afterwards.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError.socket(errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0  // ephemeral
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 1024) == 0 else {
            let code = errno
            close(fd)
            throw LoopbackServerError.socket(code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        core = LoopbackServerCore(listener: fd)
        core.startAccepting()
    }

    deinit { core.stop() }

    /// Answers requests for `path` (the target without its query) with `handler`, called on
    /// the connection's thread. A later route for the same path replaces the earlier one.
    public func route(_ path: String, _ handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse) {
        core.state.withLock { $0.routes[path] = handler }
    }

    /// Answers requests for `path` with a fixed response.
    public func route(_ path: String, _ response: LoopbackResponse) {
        route(path) { _ in response }
    }

    /// Every request received so far, in arrival order.
    public var requests: [LoopbackRequest] { core.state.withLock { $0.requests } }

    /// The requests received for `path`.
    public func requests(to path: String) -> [LoopbackRequest] {
        requests.filter { $0.path == path }
    }

    /// The most requests the server was handling at the same moment (counted from a request
    /// being read to its answer starting). With `delay` on the routes, this shows the client's
    /// concurrency.
    public var maxConcurrentRequests: Int { core.state.withLock { $0.maxInFlight } }

    /// The most connections open at the same moment.
    public var maxConcurrentConnections: Int { core.state.withLock { $0.maxConnections } }

    /// Connections accepted so far; fewer than requests means keep-alive reuse.
    public var connectionsAccepted: Int { core.state.withLock { $0.accepted } }

    /// Forgets recorded requests and the concurrency peaks (routes stay).
    public func resetRecords() {
        core.state.withLock {
            $0.requests.removeAll()
            $0.maxInFlight = $0.inFlight
            $0.maxConnections = $0.openConnections.count
        }
    }

    /// Stops accepting, closes every connection (hung and streaming ones included) and waits
    /// briefly for their threads. Idempotent; also done when the server is released.
    public func stop() { core.stop() }
}

public enum LoopbackServerError: Error, Sendable {
    case socket(Int32)
}

/// State shared by the accept thread, the connection threads and the test.
struct LoopbackServerState {
    var routes: [String: @Sendable (LoopbackRequest) -> LoopbackResponse] = [:]
    var requests: [LoopbackRequest] = []
    var inFlight = 0
    var maxInFlight = 0
    var openConnections: Set<Int32> = []
    var maxConnections = 0
    var accepted = 0
    var threads = 0
    var stopped = false
}

/// The part of the server the threads hold on to, so releasing the `LoopbackHTTPServer`
/// itself runs its `deinit` and stops everything.
final class LoopbackServerCore: Sendable {
    let listener: Int32
    let state = LoopbackLocked(LoopbackServerState())
    /// Signalled whenever a thread ends, so `stop()` can wait for them.
    private let ended = NSCondition()

    init(listener: Int32) {
        self.listener = listener
    }

    var isStopped: Bool { state.withLock { $0.stopped } }

    func startAccepting() {
        state.withLock { $0.threads += 1 }
        let thread = Thread { [self] in
            acceptLoop()
            threadEnded()
        }
        thread.name = "LoopbackHTTPServer.accept"
        thread.start()
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if isStopped { break }
                if errno == EINTR || errno == ECONNABORTED { continue }
                if errno == EMFILE || errno == ENFILE { usleep(10_000); continue }
                break
            }
            var yes: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let id: Int? = state.withLock { state in
                guard !state.stopped else { return nil }
                state.accepted += 1
                state.openConnections.insert(fd)
                state.maxConnections = max(state.maxConnections, state.openConnections.count)
                state.threads += 1
                return state.accepted
            }
            guard let id else {
                close(fd)
                break
            }
            let thread = Thread { [self] in
                var connection = LoopbackConnection(fd: fd, id: id, core: self)
                connection.serve()
                closeConnection(fd)
                threadEnded()
            }
            thread.name = "LoopbackHTTPServer.connection"
            thread.stackSize = 256 * 1024
            thread.start()
        }
        close(listener)
    }

    /// Handler lookup and bookkeeping for one received request.
    func begin(_ request: LoopbackRequest) -> LoopbackResponse {
        let handler = state.withLock { state in
            state.requests.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            return state.routes[request.path] ?? state.routes[request.target]
        }
        return handler?(request) ?? LoopbackResponse(status: 404, body: "not found")
    }

    /// Called once the answer is decided and about to be written: the client cannot see the
    /// answer before this, so it cannot start another request that would overlap in the count.
    func end() {
        state.withLock { $0.inFlight -= 1 }
    }

    /// Closes a connection. Removing the fd from the set under the lock before closing means
    /// `stop()` can never shut down a number the kernel already gave to someone else.
    private func closeConnection(_ fd: Int32) {
        state.withLock { _ = $0.openConnections.remove(fd) }
        close(fd)
    }

    private func threadEnded() {
        state.withLock { $0.threads -= 1 }
        ended.lock()
        ended.broadcast()
        ended.unlock()
    }

    func stop() {
        let first = state.withLock { state -> Bool in
            guard !state.stopped else { return false }
            state.stopped = true
            // Wakes every thread blocked in recv/send; each closes its own fd.
            for fd in state.openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
            return true
        }
        guard first else { return }
        // Wakes the accept() call; the accept thread closes the listener.
        shutdown(listener, Int32(SHUT_RDWR))
        let deadline = Date().addingTimeInterval(3)
        ended.lock()
        while state.withLock({ $0.threads }) > 0, Date() < deadline {
            _ = ended.wait(until: min(deadline, Date().addingTimeInterval(0.05)))
        }
        ended.unlock()
    }
}

/// A value behind a lock; the one piece of shared mutable state in the server.
final class LoopbackLocked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only read or written inside `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
