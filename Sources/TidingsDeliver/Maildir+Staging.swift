import TidingsModel
#if canImport(Glibc)
import Glibc
#endif

/// Two-phase delivery, for callers that record something between "durable" and "visible".
///
/// The sync pipeline (TidingsCore's DeliveryBatch) stages a whole batch in tmp/ and flushes it,
/// then records the entries as pending with their file names in one transaction, then
/// publishes into new/ and marks them delivered. After a crash, `isStaged` and `presentNames`
/// tell recovery where each pending message got to. Staged files live at
/// `tmp/tidings-tmp.<name>`, so they are found by name and `cleanTmp` recognises them.
extension Maildir {
    /// Writes each message to tmp/ (an fsync per file when syncfs is unavailable). On error the
    /// files of this call are removed and nothing is staged.
    public func stage(_ batch: [(name: String, message: [UInt8])]) throws(TidingsError) {
        let perFileSync = Maildir.syncfs == nil
        var written: [String] = []
        written.reserveCapacity(batch.count)
        for item in batch {
            do {
                try Maildir.validate(item.name)
                let file = stagedPath(item.name)
                try Maildir.writeFile(file, item.message, sync: perFileSync)
                written.append(file)
            } catch {
                for file in written { unlink(file) }
                throw error
            }
        }
    }

    /// Makes everything staged so far durable: one `syncfs` of the maildir's file system
    /// (nothing to do when staging already synced each file).
    public func flushStaged() throws(TidingsError) {
        guard let syncfs = Maildir.syncfs else { return }
        let fd = open(path + "/tmp", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Maildir.error(errno, "open", path + "/tmp") }
        defer { close(fd) }
        if syncfs(fd) != 0 { throw Maildir.error(errno, "sync", path + "/tmp") }
    }

    /// Removes staged messages that will not be published (their batch failed).
    public func discardStaged(_ names: [String]) {
        for name in names where MaildirName.isValid(name) { unlink(stagedPath(name)) }
    }

    /// True when the message is staged in tmp/ (written, not yet published).
    public func isStaged(_ name: String) -> Bool {
        MaildirName.isValid(name) && exists(stagedPath(name))
    }

    /// Renames staged messages into new/ and fsyncs new/ once. A name already in new/ or cur/
    /// is not published twice (its staged copy is removed); a name neither staged nor present
    /// is an error, since its message would be lost.
    public func publish(_ names: [String]) throws(TidingsError) {
        guard !names.isEmpty else { return }
        var moved = 0
        var failure: TidingsError?
        var present: Set<String>?
        for name in names {
            try Maildir.validate(name)
            let target = path + "/new/" + name
            if exists(target) {
                unlink(stagedPath(name))
                continue
            }
            if rename(stagedPath(name), target) == 0 {
                moved += 1
                continue
            }
            let code = errno
            if code == ENOENT {
                if present == nil { present = curIndex.names(in: path + "/cur") }
                if present?.contains(name) == true { continue }
                failure = TidingsError(stage: .deliver, message: "message \(name) is neither staged in \(path)/tmp nor present in new/ or cur/")
            } else {
                failure = Maildir.error(code, "move a message into", path + "/new")
            }
            break
        }
        // Flush what was moved even when stopping early, so it is not delivered again.
        if moved > 0, let code = Maildir.fsyncDirectory(path + "/new"), failure == nil {
            failure = Maildir.error(code, "sync", path + "/new")
        }
        if let failure { throw failure }
    }

    func stagedPath(_ name: String) -> String {
        path + "/tmp/" + MaildirName.tmpPrefix + name
    }

    static func validate(_ name: String) throws(TidingsError) {
        guard MaildirName.isValid(name) else {
            throw TidingsError(stage: .deliver, message: "invalid maildir file name \"\(name)\" (names come from Maildir.uniqueName)")
        }
    }
}
