import Foundation

/// The one-line status systemd shows in `systemctl status tidings` (`STATUS=`).
struct DaemonStatus: Sendable, Equatable {
    var feeds = 0
    var failing = 0
    var lastPass: Date?
    var lastFetched = 0
    var lastDelivered = 0
    var lastFailed = 0
    var next: Date?

    /// e.g. `120 feeds, 2 failing; last pass 2025-05-01T10:00:00Z: 3 fetched, 1 failed, 5 new; next 2025-05-01T10:05:00Z`
    var line: String {
        var text = "\(feeds) feed\(feeds == 1 ? "" : "s")"
        if failing > 0 { text += ", \(failing) failing" }
        if let lastPass {
            text += "; last pass \(lastPass.iso8601UTC): \(lastFetched) fetched"
            if lastFailed > 0 { text += ", \(lastFailed) failed" }
            text += ", \(lastDelivered) new"
        }
        if let next { text += "; next \(next.iso8601UTC)" }
        return text
    }
}
