import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `tidings run` as a long-running child process for end-to-end tests: its output goes to
/// files (a pipe nobody drains would block the daemon), tests send real signals and poll for
/// what they expect with a deadline.
public final class TidingsDaemonProcess: @unchecked Sendable {
    public let process = Process()
    public let stderrPath: String

    /// Starts `tidings ARGS`; stderr goes to `<logDirectory>/daemon-<n>.err`. `JOURNAL_STREAM=stderr`
    /// in `environment` is replaced by that file's `device:inode`, as systemd sets it.
    public init(_ arguments: [String], environment: [String: String] = [:], logDirectory: String) throws {
        let stamp = UUID().uuidString.prefix(8)
        stderrPath = (logDirectory as NSString).appendingPathComponent("daemon-\(stamp).err")
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: TidingsProcess.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["TIDINGS_FAILPOINT", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"] { env[key] = nil }
        for (key, value) in environment { env[key] = value }
        if env["JOURNAL_STREAM"] == "stderr" {
            // As systemd does: name the stream stderr is connected to (`device:inode`).
            var st = stat()
            stat(stderrPath, &st)
            env["JOURNAL_STREAM"] = "\(st.st_dev):\(st.st_ino)"
        }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    public var pid: Int32 { process.processIdentifier }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// What the daemon logged so far.
    public var stderr: String {
        (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
    }

    /// Waits up to `timeout` seconds for the exit; nil if it is still running.
    public func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        guard !process.isRunning else { return nil }
        return process.terminationStatus
    }
}

/// Polls `condition` every 50 ms until it holds or `timeout` seconds pass.
@discardableResult
public func eventually(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
        if try condition() { return true }
        usleep(50_000)
    } while Date() < deadline
    return try condition()
}

/// A Unix datagram socket standing in for systemd's `$NOTIFY_SOCKET`.
public final class FakeNotifySocket: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    private var received: [String] = []

    public init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EINVAL) }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Every datagram received so far (each a newline-separated list of assignments).
    public var messages: [String] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received.append(String(decoding: buffer[0..<count], as: UTF8.self))
        }
        return received
    }

    /// Every assignment received so far, e.g. `READY=1`.
    public var assignments: [String] { messages.flatMap { $0.split(separator: "\n").map(String.init) } }
}
