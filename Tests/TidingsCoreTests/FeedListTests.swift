import Foundation
import Testing
import TidingsCore
import TidingsModel
import TidingsTestSupport

/// `feeds.txt` parsing, as fixture pairs: `Fixtures/config/<case>.txt` and the
/// feeds, warnings and errors a user sees for it in `<case>.expected`.
@Suite struct FeedListTests {
    static let directory = TestSupport.testsPath("TidingsCoreTests/Fixtures/config")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let text = try String(contentsOfFile: "\(Self.directory)/\(name).txt", encoding: .utf8)
        let expected = try String(contentsOfFile: "\(Self.directory)/\(name).expected", encoding: .utf8)
        #expect(Self.render(text, file: "\(name).txt") == expected)
    }

    static func render(_ text: String, file: String) -> String {
        let base = "/base"
        var lines: [String] = []
        do {
            let list = try FeedList.parse(text, file: file, baseDirectory: base)
            for feed in list.feeds {
                var line = "feed \(feed.file):\(feed.line) url=\(feed.url)"
                if feed.location != feed.url { line += " location=\(feed.location.replacingOccurrences(of: base, with: "BASE"))" }
                if let title = feed.title { line += " title=\(title)" }
                if let every = feed.every { line += " every=\(Interval.format(every))" }
                if let folder = feed.folder { line += " folder=\(folder)" }
                if !feed.tags.isEmpty { line += " tags=[\(feed.tags.joined(separator: ", "))]" }
                lines.append(line)
            }
            lines += list.warnings.map { "warning \($0)" }
        } catch {
            lines += error.errors.map { "error \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func errorsNameFileLineAndFeed() throws {
        #expect(throws: FeedList.Invalid.self) { try FeedList.parse("https://a.example/x every=never\n", file: "my.txt") }
        do {
            _ = try FeedList.parse("\n\nhttps://a.example/x every=never\n", file: "my.txt")
        } catch {
            #expect(error.errors.map(\.line) == [3])
            #expect(error.description.hasPrefix("my.txt:3: https://a.example/x: config: every=never"))
        }
    }

    @Test func missingFileSaysHowToCreateIt() {
        do {
            _ = try FeedList.load(path: "/nonexistent/feeds.txt")
            Issue.record("loading a missing file succeeded")
        } catch {
            #expect(error.description == "/nonexistent/feeds.txt: config: no such file; create it with one feed URL a line, or pass --feeds FILE")
        }
    }

    @Test(arguments: [("30m", 1800.0), ("2h", 7200), ("1d", 86400), ("90s", 90), ("1h30m", 5400), ("15", 900)])
    func intervals(_ text: String, _ seconds: Double) {
        #expect(Interval.parse(text) == seconds)
    }

    @Test(arguments: ["", "h", "2x", "-5m", "1.5h", "m30"])
    func badIntervals(_ text: String) {
        #expect(Interval.parse(text) == nil)
    }

    @Test func defaultPathsFollowXDGAndSystemd() {
        let env = ["HOME": "/home/u"]
        #expect(Paths.defaultFeeds(environment: env) == "/home/u/.config/tidings/feeds.txt")
        #expect(Paths.defaultState(environment: env) == "/home/u/.local/state/tidings")
        #expect(Paths.defaultMaildir(environment: env) == "/home/u/Maildir/feeds")
        #expect(Paths.defaultState(environment: ["HOME": "/h", "XDG_STATE_HOME": "/x/state"]) == "/x/state/tidings")
        #expect(Paths.defaultState(environment: ["HOME": "/h", "STATE_DIRECTORY": "/var/lib/tidings"]) == "/var/lib/tidings")
        #expect(Paths.defaultFeeds(environment: ["HOME": "/h", "CONFIGURATION_DIRECTORY": "/etc/tidings"]) == "/etc/tidings/feeds.txt")
    }
}
