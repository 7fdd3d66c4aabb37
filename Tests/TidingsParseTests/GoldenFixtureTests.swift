import Foundation
import Testing
import TidingsModel
import TidingsParse
import TidingsTestSupport

/// One feed document per behaviour under `Fixtures/<area>/`, with the expected
/// `tidings parse` output beside it in `<behaviour>.expected.json`.
/// Optional `<behaviour>.url` and `<behaviour>.content-type` hold the document
/// URL and HTTP Content-Type. A document that is not a feed expects
/// `{"error": "<message>"}`.
///
/// `TIDINGS_RECORD_GOLDENS=1 swift test` rewrites missing or changed expected
/// files and fails, so every recording is read before it is committed.
@Suite struct GoldenFixtureTests {
    static let root = TestSupport.testsPath("TidingsParseTests/Fixtures")

    static let fixtures: [String] = {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        for case let path as String in walker {
            if path.hasSuffix(".expected.json") { continue }
            if path.hasSuffix(".xml") || path.hasSuffix(".json") { found.append(path) }
        }
        return found.sorted()
    }()

    @Test func thereAreFixturesInEveryArea() {
        let areas = Set(Self.fixtures.compactMap { $0.split(separator: "/").first.map(String.init) })
        #expect(areas.isSuperset(of: ["rss", "atom", "rdf", "json", "encoding", "illformed", "dates", "entities", "security", "media", "namespaces"]))
        #expect(Self.fixtures.count >= 60)
    }

    @Test(arguments: fixtures)
    func parsesAsExpected(_ fixture: String) throws {
        let base = (Self.root as NSString).appendingPathComponent(fixture)
        let stem = (base as NSString).deletingPathExtension
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: base)))
        let url = Self.optionalLine(stem + ".url")
        let contentType = Self.optionalLine(stem + ".content-type")

        let actual: [UInt8]
        do {
            actual = try FeedParser.parse(bytes, documentURL: url, contentType: contentType).jsonData()
        } catch {
            actual = Array("{\n  \"error\": \(Self.quoted(error.message))\n}\n".utf8)
        }

        let expectedPath = stem + ".expected.json"
        let expected = FileManager.default.contents(atPath: expectedPath).map { [UInt8]($0) }
        if expected == actual { return }
        if ProcessInfo.processInfo.environment["TIDINGS_RECORD_GOLDENS"] == "1" {
            try Data(actual).write(to: URL(fileURLWithPath: expectedPath))
            Issue.record("Recorded \(fixture) → \((expectedPath as NSString).lastPathComponent); review it, then rerun without TIDINGS_RECORD_GOLDENS")
            return
        }
        guard let expected else {
            Issue.record("No expected output for \(fixture); run with TIDINGS_RECORD_GOLDENS=1 and review it")
            return
        }
        #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(fixture)")
    }

    private static func optionalLine(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    private static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
