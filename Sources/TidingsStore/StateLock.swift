import Foundation
import TidingsModel

/// An exclusive lock on a state directory (`flock` on `<dir>/lock`), held for the
/// whole of a sync or the daemon's life, so two processes never write one state.
/// The kernel releases it when the process dies, so a crash never leaves it stale.
public final class StateLock {
    private let fd: Int32
    public let path: String

    /// Takes the lock. When another process holds it, `onWait` is called once
    /// (to tell the user) and the call blocks until the lock is free, unless `wait` is false.
    public init(directory: String, wait: Bool = true, onWait: (String) -> Void = { _ in }) throws(TidingsError) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent("lock")
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw TidingsError(stage: .store, message: "cannot open \(path): \(String(cString: strerror(errno))); check the state directory's permissions")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let who = holder.isEmpty ? "another tidings process" : "another tidings process (pid \(holder))"
            guard wait else {
                close(fd)
                throw TidingsError(stage: .store, message: "\(who) is using the state directory \(directory); try again when it has finished")
            }
            onWait("\(who) is using the state directory \(directory); waiting for it to finish")
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
