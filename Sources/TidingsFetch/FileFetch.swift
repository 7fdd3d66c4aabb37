import Foundation

/// Reads `file://` URLs and plain paths, so a local feed (a generated file, a test fixture)
/// goes through the same `Fetcher.run` as a web feed. Answers as a server would: 200 with the
/// bytes and the modification time as Last-Modified.
enum FileFetch {
    static func fetch(path: String, url: String, limits: FetchLimits) -> Result<FetchResponse, FetchFailure> {
        let started = DispatchTime.now().uptimeNanoseconds
        let shown = displayPath(path)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(failure(errno: errno, path: shown, url: url)) }
        defer { close(fd) }

        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(failure(errno: errno, path: shown, url: url)) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(FetchFailure(kind: .file, message: "\(shown) is a directory, not a feed file; name the file itself"))
        }
        if Int(info.st_size) > limits.maxBodyBytes {
            return .failure(FetchFailure(kind: .tooLarge, message: "body larger than \(FetchFailure.size(limits.maxBodyBytes)) limit: \(shown)"))
        }

        // st_size is a hint (pipes and /proc files say 0); read until EOF, capped.
        var body = [UInt8](repeating: 0, count: max(Int(info.st_size) + 1, 4096))  // +1: EOF shows without growing
        var length = 0
        while true {
            if length == body.count {
                guard body.count <= limits.maxBodyBytes else {
                    return .failure(FetchFailure(kind: .tooLarge, message: "body larger than \(FetchFailure.size(limits.maxBodyBytes)) limit: \(shown)"))
                }
                body.append(contentsOf: repeatElement(0, count: body.count))
            }
            let got = body.withUnsafeMutableBytes { read(fd, $0.baseAddress! + length, $0.count - length) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno: errno, path: shown, url: url))
            }
            if got == 0 { break }
            length += got
        }
        if length > limits.maxBodyBytes {
            return .failure(FetchFailure(kind: .tooLarge, message: "body larger than \(FetchFailure.size(limits.maxBodyBytes)) limit: \(shown)"))
        }
        body.removeSubrange(length...)

        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return .success(FetchResponse(
            status: 200, body: body, lastModified: HTTPDate.format(modified), effectiveURL: url,
            timings: FetchTimings(firstByte: elapsed, total: elapsed, bytes: Int64(length))))
    }

    private static func failure(errno code: Int32, path: String, url: String) -> FetchFailure {
        let message: String
        switch code {
        case ENOENT:
            let hint = url.contains("://") ? "" : " (for a web feed, write the URL with http:// or https://)"
            message = "no such file: \(path)\(hint)"
        case EACCES, EPERM: message = "permission denied reading \(path); check the file's permissions"
        case EISDIR: message = "\(path) is a directory, not a feed file; name the file itself"
        default: message = "could not read \(path): \(String(cString: strerror(code)))"
        }
        return FetchFailure(kind: .file, message: message)
    }

    /// Relative paths are shown resolved, so the message says where we looked.
    private static func displayPath(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
