import Foundation
import Testing
import TidingsModel

/// The one identity policy: what makes two entries the same article.
@Suite struct EntryIdentityTests {
    func keys(_ entries: [ParsedEntry]) -> [String] { EntryIdentity.keyed(entries).map(\.key) }

    @Test func guidWinsAndIsTrimmed() {
        #expect(keys([ParsedEntry(id: "  abc \n", link: "https://x/1")]) == ["id:abc"])
    }

    @Test func linkWhenThereIsNoGuid() {
        #expect(keys([ParsedEntry(id: "   ", title: "t", link: "https://x/1")]) == ["link:https://x/1"])
    }

    @Test func hashOfTitleDateAndContentWhenThereIsNeither() {
        let a = ParsedEntry(title: "A", published: Date(timeIntervalSince1970: 1), content: "<p>x</p>")
        let b = ParsedEntry(title: "B", published: Date(timeIntervalSince1970: 1), content: "<p>x</p>")
        let ka = keys([a]), kb = keys([b])
        #expect(ka.first?.hasPrefix("hash:") == true)
        #expect(ka != kb)
        #expect(keys([a]) == ka, "stable across runs")
    }

    /// Some feeds give every item the same guid (a CMS bug seen in the wild); keying on
    /// the guid alone would hide every new article after the first.
    @Test func aGuidReusedForDifferentItemsFallsBackToGuidAndLink() {
        let entries = (1...3).map { ParsedEntry(id: "same", title: "Post \($0)", link: "https://x/\($0)") }
        #expect(keys(entries) == ["id:same|https://x/1", "id:same|https://x/2", "id:same|https://x/3"])
    }

    @Test func anItemListedTwiceIsKeptOnce() {
        let entry = ParsedEntry(id: "g1", title: "Post", link: "https://x/1")
        #expect(keys([entry, entry]) == ["id:g1"])
    }

    @Test func guidsDoNotCollideWithLinks() {
        let byID = ParsedEntry(id: "https://x/1")
        let byLink = ParsedEntry(link: "https://x/1")
        #expect(keys([byID]) != keys([byLink]))
    }

    @Test func aURLGuidCarriesItsOtherSchemeAsAnAlias() {
        let keyed = EntryIdentity.keyed([
            ParsedEntry(id: "http://example.org/?p=1", link: "https://example.org/1"),
            ParsedEntry(id: "HTTPS://example.org/?p=2"),
            ParsedEntry(id: "tag:example.org,2026:3"),
        ])
        #expect(keyed.map(\.key) == ["id:http://example.org/?p=1", "id:HTTPS://example.org/?p=2", "id:tag:example.org,2026:3"],
                "keys stay as written, so keys stored by earlier versions still match")
        #expect(keyed.map(\.aliases) == [["id:https://example.org/?p=1"], ["id:http://example.org/?p=2"], []])
    }

    @Test func theSameGuidUnderBothSchemesInOneDocumentIsOneEntry() {
        let keyed = EntryIdentity.keyed([ParsedEntry(id: "http://example.org/1", title: "a"),
                                         ParsedEntry(id: "https://example.org/1", title: "b")])
        #expect(keyed.map(\.entry.title) == ["a"])
    }
}
