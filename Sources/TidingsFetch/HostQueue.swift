/// Orders waiting requests so that no host has more than `maxPerHost` transfers at once,
/// while requests for other hosts go ahead. A request for a busy host parks in that host's
/// line; each finished transfer promotes the next request of its own host, so a big host
/// drains at its own pace and never blocks the rest. All operations are O(1) amortised.
struct HostQueue {
    private let maxPerHost: Int
    /// Requests not yet looked at, in the caller's order.
    private var fresh = FIFO<(index: Int, host: Int)>()
    /// Requests whose host just got a free slot: they go first.
    private var ready = FIFO<(index: Int, host: Int)>()
    private var hostIDs: [String: Int] = [:]
    private var active: [Int] = []
    private var waiting: [FIFO<Int>] = []

    init(maxPerHost: Int) {
        self.maxPerHost = max(1, maxPerHost)
    }

    var isEmpty: Bool { fresh.isEmpty && ready.isEmpty && waiting.allSatisfy(\.isEmpty) }

    mutating func append(_ index: Int, host: String) {
        let id: Int
        if let known = hostIDs[host] {
            id = known
        } else {
            id = active.count
            hostIDs[host] = id
            active.append(0)
            waiting.append(FIFO())
        }
        fresh.push((index, id))
    }

    /// The next request allowed to start now, its host's slot taken; nil when every waiting
    /// request's host is at its limit.
    mutating func next() -> (index: Int, host: Int)? {
        if let promoted = ready.pop() {
            active[promoted.host] += 1
            return promoted
        }
        while let candidate = fresh.pop() {
            if active[candidate.host] < maxPerHost {
                active[candidate.host] += 1
                return candidate
            }
            waiting[candidate.host].push(candidate.index)
        }
        return nil
    }

    /// Frees the slot of a finished (or failed-to-start) transfer of `host`.
    mutating func finished(host: Int) {
        active[host] -= 1
        if let index = waiting[host].pop() {
            ready.push((index, host))
        }
    }
}

/// A queue on an array with a moving head: no per-element allocation, no O(n) removeFirst.
struct FIFO<Element> {
    private var storage: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == storage.count }

    mutating func push(_ element: Element) { storage.append(element) }

    mutating func pop() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        }
        return element
    }
}
