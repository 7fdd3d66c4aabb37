import Foundation
import TidingsModel
#if canImport(Glibc)
import Glibc
#endif

/// The system calls behind `Maildir`, and the error messages users see when they fail.
extension Maildir {
    /// `syncfs(2)` looked up at run time: Glibc's Swift module does not export it (it is a
    /// `_GNU_SOURCE` declaration), and a libc without it falls back to an fsync per file.
    typealias SyncFS = @convention(c) (Int32) -> Int32
    static let syncfs: SyncFS? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: SyncFS.self)
    }()

    /// mkdir -p of the maildir and its cur/ new/ tmp/, mode 0700 (mail is private).
    static func createMaildir(_ path: String) throws(TidingsError) {
        try createDirectory(path)
        for sub in ["cur", "new", "tmp"] { try createDirectory(path + "/" + sub) }
    }

    private static func createDirectory(_ path: String) throws(TidingsError) {
        if mkdir(path, 0o700) == 0 { return }
        var code = errno
        if code == ENOENT {
            // A missing parent: create it first, then retry.
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty && parent != path {
                try createDirectory(parent)
                if mkdir(path, 0o700) == 0 { return }
                code = errno
            }
        }
        var st = stat()
        if code == EEXIST || stat(path, &st) == 0 {
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
                throw TidingsError(stage: .deliver, message: "\(path) exists but is not a directory; the maildir path must name a directory")
            }
            guard access(path, W_OK | X_OK) == 0 else { throw error(errno, "write to", path) }
            return
        }
        throw error(code, "create", path)
    }

    /// Writes a whole file, refusing to overwrite; a stale tmp file of ours is replaced.
    static func writeFile(_ path: String, _ bytes: [UInt8], sync: Bool) throws(TidingsError) {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 && errno == EEXIST {
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        }
        guard fd >= 0 else { throw error(errno, "create", path) }
        var offset = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            if sync && fsync(fd) != 0 { return errno }
            return nil
        }
        // close can report a deferred write error (NFS, quota), so it is checked too.
        let closeFailed = close(fd) != 0
        let closeErrno = errno
        if let failure {
            unlink(path)
            throw error(failure, "write", path)
        }
        if closeFailed {
            unlink(path)
            throw error(closeErrno, "write", path)
        }
    }

    /// fsync of a directory, so renames into it survive a crash; the errno on failure.
    static func fsyncDirectory(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        // EINVAL: the file system does not support syncing directories; nothing more to do.
        if fsync(fd) != 0 && errno != EINVAL { return errno }
        return nil
    }

    /// Calls `body` with each regular entry's name (dot files skipped, as maildir readers do).
    static func forEachFile(in directory: String, _ body: (Substring) -> Void) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            body(Substring(name))
        }
    }

    /// The error for a failed system call, worded for the user: what failed, where, and what to do.
    static func error(_ code: Int32, _ operation: String, _ path: String) -> TidingsError {
        let message: String
        switch code {
        case ENOSPC, EDQUOT:
            message = "the disk is full (\(code == EDQUOT ? "quota exceeded" : "no space left")) writing to \(path): "
                + "nothing was lost, the articles stay pending; free some space and run again"
        case EROFS:
            message = "cannot \(operation) \(path): the file system is read-only; choose a writable maildir"
        case EACCES, EPERM:
            message = "cannot \(operation) \(path): permission denied; check the maildir's owner and permissions"
        default:
            message = "cannot \(operation) \(path): \(String(cString: strerror(code)))"
        }
        return TidingsError(stage: .deliver, message: message)
    }
}

/// Base names in cur/, cached while the directory is unchanged.
///
/// `deliver` must skip messages a reader already moved to cur/ as `name:2,S`, whose flags
/// we cannot guess, so cur/ is listed. Listing tens of thousands of entries for every small
/// batch would be wasteful, so the listing is reused while cur/'s mtime and inode are
/// unchanged. A listing taken within two seconds of cur/'s mtime is not trusted (a rename in
/// the same clock tick leaves the mtime unchanged), the racy-timestamp rule git uses.
final class CurIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (device: UInt64, inode: UInt64, seconds: Int, nanoseconds: Int, names: Set<String>)?

    func names(in directory: String) -> Set<String> {
        var st = stat()
        guard stat(directory, &st) == 0 else { return [] }
        let key = (UInt64(st.st_dev), UInt64(st.st_ino), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
        lock.lock()
        if let cached, cached.device == key.0, cached.inode == key.1, cached.seconds == key.2, cached.nanoseconds == key.3 {
            let names = cached.names
            lock.unlock()
            return names
        }
        lock.unlock()
        var names = Set<String>()
        Maildir.forEachFile(in: directory) { names.insert(String(MaildirName.baseName($0))) }
        let now = Int(Date().timeIntervalSince1970)
        lock.lock()
        cached = now - key.2 >= 2 ? (key.0, key.1, key.2, key.3, names) : nil
        lock.unlock()
        return names
    }
}
