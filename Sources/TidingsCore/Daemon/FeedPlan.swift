import Foundation

/// What the daemon knows about one feed between passes: when to fetch it next and whether
/// it is failing (for the status line). Produced by `PassWorker` from the state database.
struct FeedPlan: Sendable, Equatable {
    /// The feed's key in the schedule (its fetch location).
    var key: String
    /// Nil: do not schedule it (the server said 410 Gone; only the user can bring it back).
    var due: Date?
    var failing: Bool
}
