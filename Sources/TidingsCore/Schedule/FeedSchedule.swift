import Foundation

/// When each feed is due next: the daemon's whole scheduling state, as a plain value.
///
/// Feeds are keyed by their fetch location (what `FeedList` deduplicates on). A feed has one
/// slot; the heap may hold stale tickets for it (after it was rescheduled or removed), which
/// are recognised by their generation and dropped when they reach the top. So rescheduling is
/// a push, never a search, and the heap is rebuilt only when stale tickets pile up.
struct FeedSchedule: Sendable {
    struct Slot: Sendable, Equatable {
        /// Seconds since 1970; `.infinity` while the feed is in a pass (not in the heap).
        var due: Double
        /// The feed's polling interval, to bound how early it may be batched.
        var interval: Double
        var generation: UInt32
    }

    private struct Ticket: Sendable {
        var key: String
        var generation: UInt32
    }

    private(set) var slots: [String: Slot] = [:]
    private var heap = DueHeap<Ticket>()

    /// A feed due this soon after the timer fires is taken into the same pass, so feeds due a
    /// moment apart share one fetch loop and one durable batch instead of a pass each. Never
    /// more than a tenth of the feed's own interval early.
    var batchWindow: TimeInterval = 5

    init() {}

    var count: Int { slots.count }
    /// Tickets in the heap, stale ones included (for tests and the benchmark).
    var heapCount: Int { heap.count }

    func due(_ key: String) -> Date? {
        guard let slot = slots[key], slot.due.isFinite else { return nil }
        return Date(timeIntervalSince1970: slot.due)
    }

    func contains(_ key: String) -> Bool { slots[key] != nil }

    /// Schedules (or reschedules) a feed.
    mutating func set(_ key: String, due: Date, interval: TimeInterval) {
        let generation = (slots[key]?.generation ?? 0) &+ 1
        let at = due.timeIntervalSince1970
        slots[key] = Slot(due: at, interval: interval, generation: generation)
        heap.push(at, Ticket(key: key, generation: generation))
        compactIfNeeded()
    }

    /// Changes a feed's interval without moving its due time (`every=` edited, then SIGHUP).
    mutating func setInterval(_ key: String, _ interval: TimeInterval) {
        slots[key]?.interval = interval
    }

    /// Stops scheduling a feed; its tickets go stale.
    mutating func remove(_ key: String) {
        slots[key] = nil
        compactIfNeeded()
    }

    /// Makes every feed not already in a pass due at `now` (SIGUSR1).
    mutating func makeAllDue(now: Date) {
        let at = now.timeIntervalSince1970
        for key in slots.keys where slots[key]!.due.isFinite {
            slots[key]!.due = at
        }
        rebuild()
    }

    /// The earliest due time, dropping stale tickets on the way.
    mutating func nextDue() -> Date? {
        while let top = heap.min {
            if isCurrent(top.element) { return Date(timeIntervalSince1970: top.at) }
            heap.popMin()
        }
        return nil
    }

    /// Takes every feed due by `now` (plus the batch window), each once, however late the
    /// timer fired: a laptop waking after a night fetches each due feed once, not once per
    /// missed interval. Taken feeds are marked in-pass until `set` or `remove`.
    mutating func takeDue(now: Date) -> [String] {
        let at = now.timeIntervalSince1970
        var taken: [String] = []
        var notYet: [DueHeap<Ticket>.Entry] = []
        while let top = heap.min, top.at <= at + batchWindow {
            heap.popMin()
            guard isCurrent(top.element), let slot = slots[top.element.key] else { continue }
            if top.at <= at + min(batchWindow, slot.interval / 10) {
                slots[top.element.key]!.due = .infinity
                slots[top.element.key]!.generation &+= 1
                taken.append(top.element.key)
            } else {
                notYet.append(top)
            }
        }
        for entry in notYet { heap.push(entry.at, entry.element) }
        return taken
    }

    private func isCurrent(_ ticket: Ticket) -> Bool {
        guard let slot = slots[ticket.key] else { return false }
        return slot.generation == ticket.generation && slot.due.isFinite
    }

    private mutating func compactIfNeeded() {
        if heap.count > 2 * slots.count + 1024 { rebuild() }
    }

    private mutating func rebuild() {
        heap = DueHeap(slots.compactMap { key, slot in
            slot.due.isFinite ? DueHeap.Entry(at: slot.due, element: Ticket(key: key, generation: slot.generation)) : nil
        })
    }
}
