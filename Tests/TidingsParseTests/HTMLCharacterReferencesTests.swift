import Testing
import TidingsModel

/// The one table and decoder of HTML character references (TidingsModel), used by
/// the parser for titles and libxml2's entities and by mail and page rendering.
@Suite struct HTMLCharacterReferencesTests {
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
        ("&amp", "&"),
        ("&copy 2024", "© 2024"),
        ("&hellip and more", "&hellip and more"),
        ("&NotEqualTilde;", "\u{2242}\u{338}"),
        ("&CounterClockwiseContourIntegral;", "∳"),
        ("&bigstar;&check;&rarrw;", "★✓↝"),
        ("&#x80;&#129;", "€\u{81}"),
        ("&#x110000;", "\u{FFFD}"),
        ("& ;", "& ;"),
        ("&#;", "&#;"),
        ("a && b", "a && b"),
        ("&amp;amp;", "&amp;"),
    ]

    @Test(arguments: cases)
    func decodes(_ input: String, _ expected: String) {
        #expect(HTMLCharacterReferences.decode(input) == expected)
        var bytes: [UInt8] = []
        Array(input.utf8).withUnsafeBufferPointer { HTMLCharacterReferences.decode($0, into: &bytes) }
        #expect(String(decoding: bytes, as: UTF8.self) == expected, "the byte decoder agrees")
    }

    @Test func tableHasEveryNameOfTheStandard() {
        // The HTML Living Standard's entities.json: 2,231 keys, 2,125 names with the
        // semicolon, 106 of them also legal without it.
        let all = HTMLCharacterReferences.all
        #expect(all.count == 2125)
        #expect(all.filter { HTMLCharacterReferences.namedWithoutSemicolon($0.name) != nil }.count == 106)
        #expect(all.allSatisfy { !$0.text.isEmpty })
    }
}
