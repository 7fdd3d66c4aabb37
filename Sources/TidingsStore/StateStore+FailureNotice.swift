import Foundation
import TidingsModel

/// When the daemon last told the user that a feed is failing (schema step 3), so it says so
/// once per failure episode, and once more when the feed recovers.
extension StateStore {
    public func failureNoticeAt(feedID: Int64) throws(TidingsError) -> Date? {
        let statement = try db.statement("SELECT failure_notice_at FROM feeds WHERE id = ?")
        statement.bind(1, feedID)
        guard try statement.step() else { return nil }
        return statement.double(0).map(Date.init(timeIntervalSince1970:))
    }

    /// Records (a date) or clears (nil) the failure notice of a feed.
    public func setFailureNotice(feedID: Int64, at date: Date?) throws(TidingsError) {
        let statement = try db.statement("UPDATE feeds SET failure_notice_at = ? WHERE id = ?")
        statement.bind(1, date?.timeIntervalSince1970)
        statement.bind(2, feedID)
        try statement.step()
    }
}
