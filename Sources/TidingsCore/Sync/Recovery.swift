import TidingsDeliver
import TidingsModel
import TidingsStore

/// Finishes deliveries an interrupted sync left pending (see `DeliveryBatch` for why
/// this is always possible): a message already in `new/` or `cur/` counts as delivered, one
/// still in `tmp/` is moved into `new/`, and one that vanished is forgotten together with its
/// feed's validators, so the next fetch delivers it again.
enum Recovery {
    static func run(store: StateStore, maildirs: MaildirSet) throws(TidingsError) -> Int {
        let pending = try store.pendingDeliveries()
        var completed: [Int64] = []
        for (folder, group) in Dictionary(grouping: pending, by: \.folder) {
            let maildir = try maildirs.maildir(folder: folder)
            let present = maildir.presentNames()
            var staged: [String] = []
            for item in group {
                if present.contains(item.deliveryName) {
                    completed.append(item.entryID)
                } else if maildir.isStaged(item.deliveryName) {
                    staged.append(item.deliveryName)
                    completed.append(item.entryID)
                } else {
                    try store.forget(item)
                }
            }
            try maildir.publish(staged)
        }
        try store.markDelivered(entryIDs: completed)
        return completed.count
    }
}
