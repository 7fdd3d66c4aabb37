/// What each consumer needs to know about an element, looked up once per tag.
///
/// Rendering looks at every tag several times (raw text? dropped? block?); one dictionary
/// lookup into combined traits replaces five set lookups per tag, which showed up at ~10% of
/// render time.
struct ElementTraits: OptionSet, Sendable {
    let rawValue: UInt16

    /// Content runs to the matching end tag as raw text (HTML5 raw-text/RCDATA elements).
    static let rawText = ElementTraits(rawValue: 1 << 0)
    /// HTMLSafety removes the element with everything inside it.
    static let dropWithContent = ElementTraits(rawValue: 1 << 1)
    /// HTMLSafety removes the tags but keeps their content.
    static let dropTag = ElementTraits(rawValue: 1 << 2)
    /// HTMLText separates it from its surroundings by a blank line.
    static let paragraph = ElementTraits(rawValue: 1 << 3)
    /// HTMLText puts it on a line of its own.
    static let line = ElementTraits(rawValue: 1 << 4)
    /// HTMLText has a rule of its own for it (links, images, lists, quotes…).
    static let textRule = ElementTraits(rawValue: 1 << 5)

    static func of(_ name: String) -> ElementTraits { table[name] ?? [] }

    private static let table: [String: ElementTraits] = {
        var table: [String: ElementTraits] = [:]
        func add(_ names: String, _ traits: ElementTraits) {
            for name in names.split(separator: " ") { table[String(name), default: []].formUnion(traits) }
        }
        add("script style textarea title xmp noembed noframes", .rawText)
        add("script style iframe frame frameset object embed applet noembed noframes template svg math title head",
            .dropWithContent)
        add("html body base meta link form input button select option textarea noscript param", .dropTag)
        add("p ul ol dl pre table figure hr address h1 h2 h3 h4 h5 h6 blockquote details fieldset", .paragraph)
        add("div section article header footer main nav aside li dt dd tr figcaption caption summary form center "
            + "tbody thead tfoot video audio picture", .line)
        add("br a img iframe embed object video audio source ul ol li blockquote pre hr tr td th q "
            + "head svg math template frameset noembed noframes", .textRule)
        return table
    }()
}
