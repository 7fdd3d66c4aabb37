import TidingsDeliver
import TidingsModel

/// The maildir root and the subfolders feeds deliver into, all opened before the
/// sync starts; afterwards the set is only read, so any thread may use it.
final class MaildirSet: Sendable {
    let root: String
    private let opened: [String: Maildir]

    /// Opens (creating when missing) the root and every folder named in `folders`.
    init(root: String, folders: Set<String?>) throws(TidingsError) {
        self.root = root
        var opened: [String: Maildir] = [:]
        for folder in folders where opened[folder ?? ""] == nil {
            opened[folder ?? ""] = try Maildir(root: root, folder: folder)
        }
        self.opened = opened
    }

    /// A folder opened at start, or (for recovery of an older folder) opened now.
    func maildir(folder: String?) throws(TidingsError) -> Maildir {
        if let maildir = opened[folder ?? ""] { return maildir }
        return try Maildir(root: root, folder: folder)
    }

    var all: [Maildir] { Array(opened.values) }
}
