import Foundation
import Testing
import TidingsFetch
import TidingsTestSupport

/// Local feeds go through the same `run` as web feeds.
@Suite struct FileFetchTests {
    private let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>local</title></channel></rss>"

    @Test func fileURLIsRead() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("my feed.xml")
        try feed.write(toFile: path, atomically: true, encoding: .utf8)
        let url = "file://" + path.replacingOccurrences(of: " ", with: "%20")
        let response = try Fetch.one(url).get()
        #expect(response.status == 200)
        #expect(response.text == feed)
        #expect(response.effectiveURL == url)
        #expect(response.lastModified?.hasSuffix(" GMT") == true)
    }

    @Test func absoluteAndRelativePathsAreRead() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("feed.xml")
        try feed.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Fetch.one(path).get().text == feed)

        let cwd = FileManager.default.currentDirectoryPath
        let depth = cwd.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + path.dropFirst()
        #expect(try Fetch.one(relative).get().text == feed)
    }

    @Test func missingFileNamesThePath() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("nope.xml")
        let failure = try #require(Fetch.one(path).failure)
        #expect(failure.kind == .file)
        #expect(failure.message.contains(path))
        #expect(failure.message.hasPrefix("no such file"))
        let viaURL = try #require(Fetch.one("file://" + path).failure)
        #expect(viaURL.kind == .file)
        #expect(viaURL.message.contains(path))
    }

    @Test func directoryIsNotAFeed() throws {
        let dir = TemporaryDirectory()
        let failure = try #require(Fetch.one(dir.path).failure)
        #expect(failure.kind == .file)
        #expect(failure.message.contains("directory"))
    }

    @Test func oversizeFileIsRefused() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("big.xml")
        try Data(count: 4096).write(to: URL(fileURLWithPath: path))
        let failure = try #require(Fetch.one(path, limits: FetchLimits(maxBodyBytes: 1000)).failure)
        #expect(failure.kind == .tooLarge)
    }

    @Test func filesAndWebFeedsMixInOneRun() throws {
        let server = try LoopbackHTTPServer()
        server.route("/feed", LoopbackResponse(body: "web"))
        let dir = TemporaryDirectory()
        try "disk".write(toFile: dir.file("f.xml"), atomically: true, encoding: .utf8)
        let (results, _) = Fetch.all(
            [FetchRequest(url: server.url("/feed"), tag: 1), FetchRequest(url: dir.file("f.xml"), tag: 2)],
            fetcher: Fetcher(userAgent: Fetch.userAgent))
        #expect(results[1]?.response?.text == "web")
        #expect(results[2]?.response?.text == "disk")
    }
}
