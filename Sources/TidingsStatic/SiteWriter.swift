import Foundation
import TidingsModel

/// Writes the site's files: each one beside its final name then renamed into place (a reader
/// never sees half a page), and only when it changed. `.tidings-site` records each file's
/// `Signature`; a file whose signature is unchanged and which still exists is not even
/// rendered, and files the manifest lists that are no longer wanted are removed. Files the
/// manifest does not list are never touched, so the directory may hold other things.
struct SiteWriter {
    static let manifestName = ".tidings-site"

    let directory: String
    private var previous: [String: String] = [:]
    private var current: [String: String] = [:]
    private(set) var written = 0
    private(set) var unchanged = 0

    init(directory: String) throws(TidingsError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for sub in ["articles", "feeds", "tags"] {
                try FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
            }
        } catch {
            throw TidingsError(stage: .deliver, message: "cannot create the static directory \(directory): \(error.localizedDescription)")
        }
        if let text = try? String(contentsOfFile: directory + "/" + Self.manifestName, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1)
                if parts.count == 2 { previous[String(parts[1])] = String(parts[0]) }
            }
        }
    }

    /// Makes `path` (relative to the directory) hold what `render` returns, unless the page
    /// it holds was made from the same inputs.
    mutating func put(_ path: String, signature: Signature, render: () -> String) throws(TidingsError) {
        let full = directory + "/" + path
        current[path] = signature.hex
        if previous[path] == signature.hex && access(full, F_OK) == 0 {
            unchanged += 1
            return
        }
        let bytes = Array(render().utf8)
        if let existing = FileManager.default.contents(atPath: full), existing.elementsEqual(bytes) {
            unchanged += 1
            return
        }
        try Self.atomicWrite(bytes, to: full)
        written += 1
    }

    /// Removes the files of the last update that this one did not write; saves the manifest.
    mutating func finish() throws(TidingsError) -> Int {
        var removed = 0
        for path in previous.keys where current[path] == nil {
            if unlink(directory + "/" + path) == 0 { removed += 1 }
        }
        guard current != previous else { return removed }
        let manifest = current.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)\n" }.joined()
        try Self.atomicWrite(Array(manifest.utf8), to: directory + "/" + Self.manifestName)
        return removed
    }

    /// Write beside, flush, rename into place.
    static func atomicWrite(_ bytes: [UInt8], to path: String) throws(TidingsError) {
        let temporary = (path as NSString).deletingLastPathComponent + "/.tmp-" + (path as NSString).lastPathComponent
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create \(temporary)") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write \(temporary)")
                close(fd)
                unlink(temporary)
                throw error
            }
            offset += n
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot rename \(temporary) to \(path)")
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ what: String) -> TidingsError {
        TidingsError(stage: .deliver, message: "static site: \(what): \(String(cString: strerror(errno)))")
    }
}
