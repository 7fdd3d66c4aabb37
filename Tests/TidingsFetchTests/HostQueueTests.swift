import Testing
@testable import TidingsFetch

/// The queue behind the per-host limit.
@Suite struct HostQueueTests {
    @Test func busyHostWaitsWhileOthersStart() {
        var queue = HostQueue(maxPerHost: 2)
        for index in 0..<4 { queue.append(index, host: "a:80") }
        queue.append(4, host: "b:80")

        let first = queue.next()!
        let second = queue.next()!
        #expect([first.index, second.index] == [0, 1])
        // 2 and 3 must wait for host a; 4 (host b) goes ahead of them.
        #expect(queue.next()?.index == 4)
        #expect(queue.next() == nil)

        queue.finished(host: first.host)
        #expect(queue.next()?.index == 2)
        #expect(queue.next() == nil)
        queue.finished(host: second.host)
        #expect(queue.next()?.index == 3)
        #expect(queue.next() == nil)
    }

    @Test func everyRequestIsHandedOutOnce() {
        var queue = HostQueue(maxPerHost: 1)
        for index in 0..<100 { queue.append(index, host: "h\(index % 7)") }
        var handed: [Int] = []
        var running: [(index: Int, host: Int)] = []
        while true {
            while let next = queue.next() { running.append(next) }
            guard let done = running.popLast() else { break }
            handed.append(done.index)
            queue.finished(host: done.host)
        }
        #expect(handed.sorted() == Array(0..<100))
        #expect(queue.isEmpty)
    }
}
