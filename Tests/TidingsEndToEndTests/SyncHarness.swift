import Foundation
import Testing
import TidingsModel
import TidingsTestSupport

/// A loopback server publishing feeds the way a well-behaved web server does (ETag,
/// 304 on If-None-Match), a temp directory with feeds.txt, state and maildir, and
/// helpers to run `tidings` against them.
final class SyncHarness: Sendable {
    let server: LoopbackHTTPServer
    let dir = TemporaryDirectory("e2e")
    static let fixtures = TestSupport.testsPath("TidingsEndToEndTests/Fixtures")

    init() throws {
        server = try LoopbackHTTPServer()
    }

    var feedsFile: String { dir.file("feeds.txt") }
    var state: String { dir.file("state") }
    var maildir: String { dir.file("Maildir") }

    /// Serves `body` at `path` with a content-derived ETag, answering 304 when the client has it.
    func publish(_ path: String, _ body: [UInt8], contentType: String = "application/rss+xml") {
        let etag = "\"\(SHA256.hex(String(decoding: body, as: UTF8.self)).prefix(16))\""
        server.route(path) { request in
            if request.header("If-None-Match") == etag {
                return LoopbackResponse(status: 304, headers: ["ETag": etag])
            }
            return LoopbackResponse(status: 200, headers: ["ETag": etag, "Content-Type": contentType], body: body)
        }
    }

    func publishFixture(_ name: String, contentType: String = "application/xml") throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Self.fixtures)/\(name)")))
        publish("/\(name)", bytes, contentType: contentType)
    }

    func expectedSubjects(_ name: String) throws -> [String] {
        try String(contentsOfFile: "\(Self.fixtures)/\(name).subjects", encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    func writeFeeds(_ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: feedsFile, atomically: true, encoding: .utf8)
    }

    func sync(_ extra: [String] = [], environment: [String: String] = [:]) throws -> TidingsProcess.Outcome {
        try TidingsProcess.run(["sync", "--feeds", feedsFile, "--state", state, "--maildir", maildir] + extra,
                               environment: environment)
    }

    func mail() throws -> MailDirReader.Listing {
        try MailDirReader.read(maildir: maildir)
    }
}

/// A synthetic RSS feed with `count` items numbered from `first`.
func syntheticFeed(name: String, first: Int = 0, count: Int) -> [UInt8] {
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>\(name)</title><link>https://\(name).example/</link>\n"
    for i in first..<(first + count) {
        xml += "<item><title>\(name) item \(i)</title><link>https://\(name).example/\(i)</link><guid>\(name)-\(i)</guid>"
        xml += "<description>&lt;p&gt;Body of item \(i) of \(name).&lt;/p&gt;</description></item>\n"
    }
    xml += "</channel></rss>\n"
    return Array(xml.utf8)
}
