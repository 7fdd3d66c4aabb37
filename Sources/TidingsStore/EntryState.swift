/// Where an entry stands. Stored as an integer; never renumber.
public enum EntryState: Int64, Sendable {
    /// Recorded and its message is durably in the maildir's `tmp/`, not yet known to be in `new/`.
    case pending = 0
    /// Delivered (or found delivered after a crash).
    case delivered = 1
    /// Recorded as seen without delivery (`--catch-up`, or a sync without a delivery target).
    case seen = 2
}
