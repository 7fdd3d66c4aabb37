import Testing
@testable import TidingsParse

@Suite struct HTMLEntitiesTests {
    static let cases: [(String, String)] = [
        ("plain", "plain"),
        ("&amp;", "&"),
        ("&lt;b&gt;", "<b>"),
        ("&quot;&apos;", "\"'"),
        ("caf&eacute;", "café"),
        ("&nbsp;", "\u{A0}"),
        ("&mdash;&ndash;&hellip;", "—–…"),
        ("&ldquo;hi&rdquo;", "“hi”"),
        ("&euro;&pound;&yen;&copy;&reg;&trade;", "€£¥©®™"),
        ("&Agrave;&yuml;&szlig;&THORN;", "Àÿßþ".replacingOccurrences(of: "þ", with: "Þ")),
        ("&alpha;&Omega;&pi;", "αΩπ"),
        ("&larr;&rArr;&infin;&ne;&le;", "←⇒∞≠≤"),
        ("&spades;&hearts;&diams;&clubs;", "♠♥♦♣"),
        ("&#65;&#x42;&#X43;", "ABC"),
        ("&#8217;", "’"),
        ("&#x1F600;", "😀"),
        ("&#150;&#151;&#146;", "–—’"),
        ("&#0;", "\u{FFFD}"),
        ("&#xD800;", "\u{FFFD}"),
        ("&unknown;", "&unknown;"),
        ("AT&T", "AT&T"),
        ("&amp", "&amp"),
        ("& ;", "& ;"),
        ("&#;", "&#;"),
        ("a && b", "a && b"),
        ("&amp;amp;", "&amp;"),
    ]

    @Test(arguments: cases)
    func decodes(_ input: String, _ expected: String) {
        #expect(HTMLEntities.decode(input) == expected)
    }

    @Test func tableHasAllHTML4Entities() {
        // HTML 4.01 defines 252 named references plus &apos; from XML.
        #expect(HTMLEntities.table.count == 253)
        #expect(HTMLEntities.byName.count == 253)
    }
}
