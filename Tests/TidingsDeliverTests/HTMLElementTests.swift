import Testing
@testable import TidingsDeliver

/// `HTMLElement.traits` is a switch for speed; these lists say which elements have which trait.
@Suite struct HTMLElementTests {
    static let lists: [(ElementTraits, String)] = [
        (.rawText, "script style textarea title xmp noembed noframes"),
        (.dropWithContent, "script style iframe frame frameset object embed applet noembed noframes template svg math title head"),
        (.dropTag, "html body base meta link form input button select option textarea noscript param"),
        (.paragraph, "p ul ol dl pre table figure hr address h1 h2 h3 h4 h5 h6 blockquote details fieldset"),
        (.line, "div section article header footer main nav aside li dt dd tr figcaption caption summary form center "
            + "tbody thead tfoot video audio picture"),
        (.textRule, "br a img iframe embed object video audio source ul ol li blockquote pre hr tr td th q "
            + "head svg math template frameset noembed noframes"),
    ]

    @Test func traitsMatchTheLists() {
        for element in HTMLElement.allCases {
            var expected: ElementTraits = []
            for (trait, names) in Self.lists where names.split(separator: " ").contains(Substring(element.name)) {
                expected.formUnion(trait)
            }
            #expect(element.traits == expected, "\(element.name)")
        }
    }

    @Test func everyListedNameIsAnElement() {
        for (_, names) in Self.lists {
            for name in names.split(separator: " ") {
                let bytes = Array(name.utf8)
                #expect(bytes.withUnsafeBufferPointer { HTMLElement.named(folding: $0) }.name == name)
            }
        }
    }

    @Test func lookupFoldsASCIICaseOnly() {
        func named(_ s: String) -> HTMLElement { Array(s.utf8).withUnsafeBufferPointer { HTMLElement.named(folding: $0) } }
        #expect(named("BlockQuote") == .blockquote)
        #expect(named("H1") == .h1)
        #expect(named("h7") == .unknown)
        #expect(named("lin\u{212A}") == .unknown)  // KELVIN SIGN is not K
        #expect(named("divx") == .unknown)
        #expect(named("") == .unknown)
    }
}
