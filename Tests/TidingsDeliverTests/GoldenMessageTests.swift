import Foundation
import Testing
import TidingsDeliver
import TidingsModel
import TidingsTestSupport

/// feed2exec-style golden mail: `Fixtures/<case>.json` describes a MailArticle, `<case>.eml` is
/// the exact expected message. Nothing is volatile (the boundary derives from the Message-ID
/// and there is no delivery timestamp), so messages compare byte for byte.
/// `TIDINGS_RECORD_GOLDENS=1 swift test --filter GoldenMessageTests` rewrites the .eml files and
/// fails, so every recorded message gets read before it is committed.
@Suite struct GoldenMessageTests {
    static let directory = TestSupport.testsPath("TidingsDeliverTests/Fixtures")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// The JSON shape of a fixture: MailArticle's fields, the entry as ParsedEntry's Codable form.
    struct Fixture: Decodable {
        var feedTitle: String
        var feedURL: String
        var siteLink: String?
        var entryKey: String
        var fetchedAt: Date
        var entry: ParsedEntry

        var article: MailArticle {
            MailArticle(feedTitle: feedTitle, feedURL: feedURL, siteLink: siteLink, entry: entry, entryKey: entryKey, fetchedAt: fetchedAt)
        }
    }

    static func load(_ name: String) throws -> MailArticle {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name + ".json"))
        return try decoder.decode(Fixture.self, from: data).article
    }

    @Test func thereAreGoldens() {
        #expect(Self.cases.count >= 5)
    }

    @Test(arguments: GoldenMessageTests.cases)
    func matchesGolden(name: String) throws {
        let rendered = MailMessage.render(try Self.load(name))
        let goldenPath = Self.directory + "/" + name + ".eml"
        if ProcessInfo.processInfo.environment["TIDINGS_RECORD_GOLDENS"] == "1" {
            try Data(rendered).write(to: URL(fileURLWithPath: goldenPath))
            Issue.record("recorded \(goldenPath): review it, then run again without TIDINGS_RECORD_GOLDENS")
            return
        }
        let golden = try #require(FileManager.default.contents(atPath: goldenPath), "missing \(goldenPath); record with TIDINGS_RECORD_GOLDENS=1")
        #expect(String(decoding: rendered, as: UTF8.self) == String(decoding: golden, as: UTF8.self))
        let mail = try MailReader.read(Array(golden))
        #expect(mail.defects.isEmpty)
        #expect(mail.longestLine <= 998)
    }
}
