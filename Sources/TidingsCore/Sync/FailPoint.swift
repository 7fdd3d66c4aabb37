import Foundation

/// Named points where a test can make the process die as if by `kill -9`, to prove
/// that a crash between any two steps of a delivery loses and duplicates nothing.
/// Armed only by `TIDINGS_FAILPOINT=<name>[:<n>]` (die the n-th time the point is
/// reached, default the first); without it each check is one comparison.
enum FailPoint: String {
    case afterStage = "after-stage"
    case afterRecord = "after-record"
    case afterPublish = "after-publish"

    private static let armed: (name: String, count: Int)? = {
        guard let value = ProcessInfo.processInfo.environment["TIDINGS_FAILPOINT"], !value.isEmpty else { return nil }
        let parts = value.split(separator: ":")
        return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
    }()

    nonisolated(unsafe) private static var hits: [String: Int] = [:]

    /// Called from the store queue only.
    func check() {
        guard let armed = Self.armed, armed.name == rawValue else { return }
        Self.hits[rawValue, default: 0] += 1
        if Self.hits[rawValue] == armed.count {
            kill(getpid(), SIGKILL)
        }
    }
}
