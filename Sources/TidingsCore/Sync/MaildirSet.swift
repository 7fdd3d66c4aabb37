import TidingsDeliver
import TidingsModel

/// The maildir root and the subfolders feeds deliver into, opened once each.
final class MaildirSet {
    let root: String
    private var opened: [String: Maildir] = [:]

    init(root: String) {
        self.root = root
    }

    func maildir(folder: String?) throws(TidingsError) -> Maildir {
        let key = folder ?? ""
        if let maildir = opened[key] { return maildir }
        let maildir = try Maildir(root: root, folder: folder)
        opened[key] = maildir
        return maildir
    }

    var all: [Maildir] { Array(opened.values) }
}
