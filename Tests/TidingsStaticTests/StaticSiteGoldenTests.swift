import Foundation
import Testing
import TidingsStatic
import TidingsTestSupport

/// The generated site of the fixture feeds, file for file and byte for byte, against
/// `Fixtures/golden/`. `TIDINGS_RECORD_GOLDENS=1 swift test --filter StaticSiteGoldenTests`
/// rewrites the goldens and fails, so every recorded page gets read before it is committed.
@Suite struct StaticSiteGoldenTests {
    static let golden = SiteFixture.directory + "/golden"

    @Test func siteMatchesGoldens() throws {
        let dir = TemporaryDirectory("static-golden")
        let site = dir.file("site")
        _ = try SiteFixture().render(into: site)
        let produced = SiteFixture.files(under: site)
        if ProcessInfo.processInfo.environment["TIDINGS_RECORD_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(atPath: Self.golden)
            try FileManager.default.copyItem(atPath: site, toPath: Self.golden)
            Issue.record("recorded \(Self.golden): review it, then run again without TIDINGS_RECORD_GOLDENS")
            return
        }
        let expected = SiteFixture.files(under: Self.golden)
        #expect(produced == expected, "the set of files differs from the goldens")
        for path in produced where expected.contains(path) {
            let mine = try String(contentsOfFile: site + "/" + path, encoding: .utf8)
            let theirs = try String(contentsOfFile: Self.golden + "/" + path, encoding: .utf8)
            #expect(mine == theirs, "\(path) differs from its golden")
        }
    }

    @Test func everyFileIsUTF8AndEveryLinkIsRelative() throws {
        let dir = TemporaryDirectory("static-links")
        let site = dir.file("site")
        _ = try SiteFixture().render(into: site)
        for path in SiteFixture.files(under: site) where path.hasSuffix(".html") {
            let html = try String(contentsOfFile: site + "/" + path, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\""), "\(path)")
            #expect(html.contains("<meta charset=\"utf-8\">"), "\(path)")
            #expect(!html.contains("file://") && !html.contains("href=\"/"), "\(path): site links must be relative")
            // Every local link points at a file that exists, relative to the page.
            let base = (path as NSString).deletingLastPathComponent
            for target in Self.localLinks(html) {
                let resolved = ((base.isEmpty ? target : base + "/" + target) as NSString).standardizingPath
                #expect(FileManager.default.fileExists(atPath: site + "/" + resolved), "\(path) links to missing \(target)")
            }
        }
    }

    @Test func pagesCarryTheFeedsLanguage() throws {
        let dir = TemporaryDirectory("static-lang")
        let site = dir.file("site")
        let fixture = try SiteFixture()
        _ = try fixture.render(into: site)
        let zh = try #require(fixture.articles.first { $0.title == "天气预报：晴转多云" })
        let page = try String(contentsOfFile: site + "/articles/\(zh.id).html", encoding: .utf8)
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("明天气温十五度。"))
        let ja = try #require(fixture.articles.first { $0.feedURL.contains("example.jp") })
        #expect(try String(contentsOfFile: site + "/articles/\(ja.id).html", encoding: .utf8).contains("<html lang=\"ja\">"))
    }

    /// href/src values that are not absolute URLs or fragments.
    static func localLinks(_ html: String) -> [String] {
        var out: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let range = rest.range(of: attribute) {
                rest = rest[range.upperBound...]
                let value = String(rest.prefix(while: { $0 != "\"" }))
                if !value.contains(":") && !value.hasPrefix("#") && !value.isEmpty { out.append(value) }
            }
        }
        return out
    }
}
