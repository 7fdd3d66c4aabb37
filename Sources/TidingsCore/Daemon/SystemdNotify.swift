import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The systemd notification protocol (sd_notify(3)) without libsystemd: each message is one
/// datagram of `KEY=value` lines sent to the Unix socket named by `$NOTIFY_SOCKET`, a path,
/// or an abstract socket written with a leading `@`. No socket, no messages: outside systemd
/// this is a no-op.
public final class SystemdNotify: Sendable {
    private let fd: Int32
    private let address: [UInt8]

    /// Nil when `$NOTIFY_SOCKET` is unset or unusable.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let socketPath = environment["NOTIFY_SOCKET"], !socketPath.isEmpty,
              socketPath.hasPrefix("/") || socketPath.hasPrefix("@") else { return nil }
        var bytes = Array(socketPath.utf8)
        if bytes[0] == UInt8(ascii: "@") { bytes[0] = 0 }  // abstract namespace: a leading NUL
        guard bytes.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else { return nil }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.address = bytes
    }

    deinit { close(fd) }

    /// Sends one notification, e.g. `["READY=1", "STATUS=12 feeds"]`. Best effort: systemd not
    /// listening must never stop the daemon. A newline inside a value would start a new
    /// assignment, so values are kept to one line.
    public func send(_ assignments: [String]) {
        let message = assignments.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (index, byte) in address.enumerated() { raw[index] = byte }
        }
        // For an abstract socket the length counts exactly the name's bytes (no trailing NUL).
        let length = socklen_t(MemoryLayout<sa_family_t>.size + address.count + (address.first == 0 ? 0 : 1))
        _ = message.withCString { text in
            withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, text, strlen(text), Int32(MSG_NOSIGNAL), $0, length)
                }
            }
        }
    }

    /// How often to send `WATCHDOG=1`: half of `$WATCHDOG_USEC`, as sd_watchdog_enabled(3)
    /// advises, when the watchdog is meant for this process (`$WATCHDOG_PID` unset or ours).
    public static func watchdogInterval(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        pid: Int32 = getpid()) -> TimeInterval? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], !owner.isEmpty, Int32(owner) != pid { return nil }
        return TimeInterval(usec) / 2_000_000
    }
}
