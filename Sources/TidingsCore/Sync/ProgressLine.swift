import Foundation

/// A live "fetched 120/1000 feeds, 3 failed, 450 new articles" line on a terminal's stderr,
/// redrawn at most ten times a second. Used from one queue only.
final class ProgressLine {
    private let total: Int
    private var done = 0
    private var failed = 0
    private var articles = 0
    private var lastDraw = Date.distantPast

    init(total: Int) {
        self.total = total
    }

    func advance(failed didFail: Bool, articles added: Int = 0) {
        done += 1
        if didFail { failed += 1 }
        articles += added
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= 0.1 || done == total {
            lastDraw = now
            draw()
        }
    }

    private func draw() {
        var line = "\r\u{1B}[Kfetched \(done)/\(total) feeds"
        if failed > 0 { line += ", \(failed) failed" }
        line += ", \(articles) new articles"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if done > 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
