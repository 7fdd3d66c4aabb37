/// A binary min-heap of due times: the daemon's one timer only ever needs the earliest.
///
/// Written out rather than taken from swift-collections' `HeapModule`: it is forty lines, the
/// daemon needs only push / peek / pop, and one dependency fewer keeps the 2-core build short.
/// PLATFORM.md measured one timer over a heap as the cheapest design at 10,000 feeds.
struct DueHeap<Element>: Sendable where Element: Sendable {
    struct Entry: Sendable {
        /// Seconds since 1970 (a `Double` compares faster than a `Date` and sorts the same).
        var at: Double
        var element: Element
    }

    private var storage: [Entry] = []

    var count: Int { storage.count }
    var isEmpty: Bool { storage.isEmpty }
    var min: Entry? { storage.first }

    init() {}

    /// Builds a heap from unordered entries in O(n) (Floyd), for reloads and "fetch all now".
    init(_ entries: [Entry]) {
        storage = entries
        var index = storage.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    mutating func push(_ at: Double, _ element: Element) {
        storage.append(Entry(at: at, element: element))
        siftUp(storage.count - 1)
    }

    @discardableResult
    mutating func popMin() -> Entry? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let entry = storage.removeLast()
        if !storage.isEmpty { siftDown(0) }
        return entry
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child].at < storage[parent].at else { return }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let count = storage.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            let right = left + 1
            let smaller = right < count && storage[right].at < storage[left].at ? right : left
            guard storage[smaller].at < storage[parent].at else { return }
            storage.swapAt(parent, smaller)
            parent = smaller
        }
    }
}
