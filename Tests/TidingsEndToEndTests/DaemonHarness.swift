import Foundation
import TidingsTestSupport

/// `tidings run` against a `SyncHarness`: short intervals, feeds due at once on start.
extension SyncHarness {
    func startDaemon(_ extra: [String] = [], environment: [String: String] = [:]) throws -> TidingsDaemonProcess {
        try TidingsDaemonProcess(
            ["run", "--feeds", feedsFile, "--state", state, "--maildir", maildir, "--initial-spread", "0", "--log-level", "info"] + extra,
            environment: environment, logDirectory: dir.path)
    }

    /// Messages in `new/` of the maildir's top folder.
    func newMessages() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: maildir + "/new")) ?? []).sorted()
    }

    /// Files left in `tmp/` (must be none after a clean stop).
    func tmpFiles() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: maildir + "/tmp")) ?? []
    }

    /// The raw text of every message in `new/`.
    func newMessageTexts() -> [String] {
        newMessages().compactMap { try? String(contentsOfFile: maildir + "/new/" + $0, encoding: .utf8) }
    }

    func requestCount(_ path: String) -> Int { server.requests(to: path).count }
}
