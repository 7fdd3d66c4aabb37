import Foundation
import TidingsModel
#if canImport(Glibc)
import Glibc
#endif

/// A maildir (or Maildir++ subfolder) that receives batches of messages durably.
///
/// Durability is batched (PLATFORM.md, "Durable file writes"): an fdatasync per message costs
/// ~330 µs, 12.5 s for a 38,000-message cold sync. Instead a batch is written into tmp/,
/// made durable with one `syncfs`, renamed into new/, and new/ is fsynced once. A crash at any
/// point leaves each message either absent from new/ (its entry stays pending and is delivered
/// again) or complete in new/ (found by `presentNames`/`contains`, so it is not duplicated):
/// never a truncated message in new/.
///
/// Not safe for two processes delivering into one maildir at once; callers hold the state
/// lock, as `cleanTmp` also assumes.
public final class Maildir: Sendable {
    /// The resolved maildir path (the subfolder for Maildir++).
    public let path: String
    let curIndex = CurIndex()

    /// Creates `cur/ new/ tmp/` (with parents, mode 0700) when missing. `folder` names a
    /// Maildir++ subfolder, stored as `<root>/.<folder>`; it is sanitized so that it is always
    /// one directory directly under root.
    public init(root: String, folder: String? = nil) throws(TidingsError) {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        guard !root.isEmpty else { throw TidingsError(stage: .deliver, message: "the maildir path is empty") }
        if let folder {
            guard let name = Maildir.sanitizedFolder(folder) else {
                throw TidingsError(stage: .deliver, message: "maildir folder name \"\(folder)\" has no usable characters")
            }
            try Maildir.createMaildir(root)
            path = root + "/." + name
            try Maildir.createMaildir(path)
            // Maildir++ marks subfolders with this empty file (Courier and Dovecot look for it).
            let marker = path + "/maildirfolder"
            let fd = open(marker, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
        } else {
            path = root
            try Maildir.createMaildir(root)
        }
    }

    /// A Maildir++ folder name: `/` and controls become `-`, dot runs collapse (`..`
    /// cannot appear), leading and trailing dots and spaces go. Nil when nothing is left.
    static func sanitizedFolder(_ folder: String) -> String? {
        var out: [UInt8] = []
        for b in folder.utf8 {
            var c = b
            if c == UInt8(ascii: "/") || c < 0x20 || c == 0x7F { c = UInt8(ascii: "-") }
            if c == UInt8(ascii: ".") && out.last == UInt8(ascii: ".") { continue }
            out.append(c)
        }
        while let first = out.first, first == UInt8(ascii: ".") || first == 0x20 { out.removeFirst() }
        while let last = out.last, last == UInt8(ascii: ".") || last == 0x20 { out.removeLast() }
        guard !out.isEmpty else { return nil }
        return String(decoding: out.prefix(200), as: UTF8.self)
    }

    // MARK: Delivery

    /// Durably delivers a batch: each message is written to tmp/, one syncfs (or an fsync per
    /// file where syncfs is unavailable), renames into new/<name>, one fsync of new/.
    /// A message whose name is already in new/ or cur/ (as `name:2,FLAGS`) is skipped. Returns
    /// the names delivered or found present, in batch order, each once.
    ///
    /// This is `stage` + `flushStaged` + `publish` in one call, for callers that have no
    /// record to write between making the messages durable and making them visible.
    public func deliver(_ batch: [(name: String, message: [UInt8])]) throws(TidingsError) -> [String] {
        guard !batch.isEmpty else { return [] }
        let present = curIndex.names(in: path + "/cur")
        var seen = Set<String>()
        var result: [String] = []
        var toStage: [(name: String, message: [UInt8])] = []
        for item in batch {
            try Maildir.validate(item.name)
            guard seen.insert(item.name).inserted else { continue }
            result.append(item.name)
            if present.contains(item.name) || exists(path + "/new/" + item.name) { continue }
            toStage.append(item)
        }
        guard !toStage.isEmpty else { return result }
        try stage(toStage)
        do {
            try flushStaged()
        } catch {
            discardStaged(toStage.map(\.name))
            throw error
        }
        try publish(toStage.map(\.name))
        return result
    }

    /// True when a message with this base name is in new/ or cur/.
    public func contains(name: String) -> Bool {
        exists(path + "/new/" + name) || curIndex.names(in: path + "/cur").contains(name)
    }

    /// Base names (info suffix stripped) present in new/ and cur/, for recovering a batch
    /// interrupted by a crash.
    public func presentNames() -> Set<String> {
        var names = curIndex.names(in: path + "/cur")
        Maildir.forEachFile(in: path + "/new") { names.insert(String(MaildirName.baseName($0))) }
        return names
    }

    /// Removes tmp/ files this program left behind (a crash between write and rename). Only
    /// names with our prefix are touched; call under the state lock so no delivery is running,
    /// and only after crash recovery has published the staged messages it still needs
    /// (`isStaged`/`publish`), or those would be lost and delivered again from the feed.
    public func cleanTmp() {
        let tmp = path + "/tmp/"
        var stale: [String] = []
        Maildir.forEachFile(in: path + "/tmp") { name in
            if name.hasPrefix(MaildirName.tmpPrefix) { stale.append(String(name)) }
        }
        for name in stale { unlink(tmp + name) }
    }

    /// A maildir-unique base name for a new message:
    /// `<epoch>.M<usec>P<pid>Q<counter>.<hash16>.<hostname>`.
    public static func uniqueName(messageID: String, at: Date) -> String {
        MaildirName.unique(messageID: messageID, at: at)
    }

    func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }
}
