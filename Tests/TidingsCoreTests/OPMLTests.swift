import Foundation
import Testing
import TidingsCore
import TidingsTestSupport

/// OPML in and out: files shaped like real exporters' (Feedly, Inoreader, NetNewsWire,
/// newsboat, old Google Reader takeouts), and the round trip export | import.
@Suite struct OPMLTests {
    static func read(_ text: String) throws -> [OPMLReader.Feed] {
        try OPMLReader.read(Data(text.utf8), file: "test.opml")
    }

    @Test func nestedFoldersBecomeTagsAndTitlesAreKept() throws {
        let feeds = try Self.read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0"><head><title>Feedly</title></head><body>
              <outline text="Tech" title="Tech">
                <outline type="rss" text="Example Blog" title="Example Blog" xmlUrl="https://blog.example.org/feed" htmlUrl="https://blog.example.org/"/>
                <outline text="Linux">
                  <outline type="rss" text="LWN" xmlUrl="https://lwn.example/headlines/rss"/>
                </outline>
              </outline>
              <outline type="rss" text="Top level" xmlUrl="https://top.example/atom.xml" category="/News,Daily, ,/"/>
            </body></opml>
            """)
        #expect(feeds.map(\.url) == ["https://blog.example.org/feed", "https://lwn.example/headlines/rss", "https://top.example/atom.xml"])
        #expect(feeds[0].tags == ["Tech"] && feeds[0].title == "Example Blog" && feeds[0].siteURL == "https://blog.example.org/")
        #expect(feeds[1].tags == ["Tech", "Linux"] && feeds[1].title == "LWN")
        #expect(feeds[2].tags == ["News", "Daily"])
    }

    @Test func oddCasingMissingTitlesAndTypes() throws {
        let feeds = try Self.read("""
            <opml version="2.0"><body>
              <outline xmlurl="https://a.example/rss"/>
              <outline TYPE="RSS" XMLURL="https://b.example/rss" TEXT="Bee"/>
              <outline type="atom" xmlUrl="https://c.example/atom" text="https://c.example/atom"/>
              <outline text="no feed here"/>
              <outline xmlUrl="  " text="empty url"/>
            </body></opml>
            """)
        #expect(feeds.map(\.url) == ["https://a.example/rss", "https://b.example/rss", "https://c.example/atom"])
        #expect(feeds.map(\.title) == [nil, "Bee", nil], "a title that is just the URL is no title")
        #expect(feeds.allSatisfy { $0.tags.isEmpty })
    }

    @Test func notOPMLIsAnErrorNamingTheFile() {
        #expect(throws: TidingsError.self) { try Self.read("<rss><channel/></rss>") }
        #expect(throws: TidingsError.self) { try Self.read("not xml at all <<<") }
    }

    @Test func roundTripExportThenImportIntoAnEmptyFileKeepsFeedsTitlesAndTags() throws {
        let dir = TemporaryDirectory("opml-roundtrip")
        let original = dir.file("feeds.txt")
        try """
            # my feeds — comments are not part of the subscriptions
            https://a.example/feed.xml tech "open source" "~Blog A"
            https://b.example/rss news
            https://c.example/atom "~Ü & <Title> \\"quoted\\"" "x=y"

            https://d.example/中文 中文
            """.write(toFile: original, atomically: true, encoding: .utf8)
        let before = try FeedList.load(path: original)
        try OPMLExport.render(before).write(toFile: dir.file("out.opml"), atomically: true, encoding: .utf8)
        let copy = dir.file("copy/feeds.txt")
        let outcome = try OPMLImport.run(opml: dir.file("out.opml"), feedsPath: copy)
        #expect(outcome.added.count == 4 && outcome.skipped.isEmpty)
        let after = try FeedList.load(path: copy)
        #expect(after.feeds.map(\.url) == before.feeds.map(\.url))
        #expect(after.feeds.map(\.title) == before.feeds.map(\.title))
        #expect(after.feeds.map(\.tags) == before.feeds.map(\.tags))
        #expect(after.warnings.isEmpty)
    }

    @Test func importSkipsFeedsAlreadyListedAndLeavesCommentsAlone() throws {
        let dir = TemporaryDirectory("opml-merge")
        let feeds = dir.file("feeds.txt")
        let existing = "# keep me\nHTTPS://A.example/feed.xml   tech   # a comment\n\n# and me\n"
        try existing.write(toFile: feeds, atomically: true, encoding: .utf8)
        try """
            <opml version="2.0"><body>
            <outline xmlUrl="https://a.example/feed.xml" text="dup"/>
            <outline xmlUrl="https://new.example/rss" text="New"/>
            <outline xmlUrl="https://new.example/rss" text="New again"/>
            </body></opml>
            """.write(toFile: dir.file("in.opml"), atomically: true, encoding: .utf8)
        let outcome = try OPMLImport.run(opml: dir.file("in.opml"), feedsPath: feeds)
        #expect(outcome.added.map(\.url) == ["https://new.example/rss"])
        #expect(outcome.skipped == ["https://a.example/feed.xml", "https://new.example/rss"])
        let text = try String(contentsOfFile: feeds, encoding: .utf8)
        #expect(text.hasPrefix(existing), "the existing lines are untouched")
        #expect(text.hasSuffix("https://new.example/rss \"~New\"\n"))
    }

    @Test func removeByURLOrTitleKeepsEveryOtherLine() throws {
        let dir = TemporaryDirectory("opml-remove")
        let feeds = dir.file("feeds.txt")
        try "# top\nhttps://a.example/rss \"~Alpha\"\n# middle\nhttps://b.example/rss\n".write(toFile: feeds, atomically: true, encoding: .utf8)
        #expect(try FeedListEditor.remove("alpha", from: feeds).map(\.url) == ["https://a.example/rss"])
        #expect(try String(contentsOfFile: feeds, encoding: .utf8) == "# top\n# middle\nhttps://b.example/rss\n")
        #expect(try FeedListEditor.remove("https://b.example/rss", from: feeds).count == 1)
        #expect(try FeedListEditor.remove("https://nope.example/", from: feeds).isEmpty)
    }

    @Test func newsboatUrlsFileWorksAsFeedsTxt() throws {
        let list = try FeedList.parse("""
            http://example.com/rss.xml "~Example" tech "!hidden"
            "query:Unread:unread = \\"yes\\""
            https://lwn.net/headlines/rss linux
            """)
        #expect(list.feeds.map(\.url) == ["http://example.com/rss.xml", "https://lwn.net/headlines/rss"])
        #expect(list.feeds[0].title == "Example" && list.feeds[0].tags == ["tech"])
    }
}
