/// The elements any rendering rule names, as one-byte ids looked up once per tag.
///
/// Rendering looks at every tag several times (raw text? dropped? block? which rule?).
/// Comparing ids and switching on them replaces String names, String comparisons and
/// dictionary lookups per tag, which together were a fifth of render time. Every other
/// element is `.unknown`: no rule treats it specially, and two unknown elements are never
/// compared with each other (only known names are ever skipped or dropped up to a match).
enum HTMLElement: UInt8, CaseIterable {
    case unknown
    case a, address, applet, article, aside, audio, base, blockquote, body, br, button, caption, center
    case dd, details, div, dl, dt, embed, fieldset, figcaption, figure, footer, form, frame, frameset
    case h1, h2, h3, h4, h5, h6, head, header, hr, html, iframe, img, input, li, link, main, math, meta
    case nav, noembed, noframes, noscript, object, ol, option, p, param, picture, pre, q, script, section
    case select, source, style, summary, svg, table, tbody, td, template, textarea, tfoot, th, thead
    case title, tr, ul, video, xmp

    /// The element `raw` names once ASCII-lower-cased.
    static func named(folding raw: UnsafeBufferPointer<UInt8>) -> HTMLElement {
        guard let key = key(raw) else { return .unknown }
        return keyed.withUnsafeBufferPointer { table in
            // Binary search over the sorted keys: seven comparisons, no hashing, no Strings.
            var low = 0, high = table.count
            while low < high {
                let mid = (low + high) / 2
                if table[mid].key < key { low = mid + 1 } else { high = mid }
            }
            return low < table.count && table[low].key == key ? table[low].element : .unknown
        }
    }

    /// 1–6 for h1–h6, else nil.
    var headingLevel: Int? {
        rawValue >= HTMLElement.h1.rawValue && rawValue <= HTMLElement.h6.rawValue ? Int(rawValue - HTMLElement.h1.rawValue) + 1 : nil
    }

    /// The lower-case tag name.
    var name: String { String(describing: self) }

    var nameBytes: [UInt8] { Self.names[Int(rawValue)] }

    private static let names: [[UInt8]] = allCases.map { Array($0.name.utf8) }

    /// A name of up to 10 letters and digits as 6 bits per character (0 is never a character,
    /// so the length is part of the key); nil for anything else, which names no known element.
    private static func key(_ raw: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !raw.isEmpty, raw.count <= 10 else { return nil }
        var key: UInt64 = 0
        for b in raw {
            let code: UInt8
            if HTMLTokenizer.isASCIILetter(b) {
                code = (b | 0x20) - 0x60  // 1–26
            } else if b >= 0x30 && b <= 0x39 {
                code = b - 0x30 + 27  // 27–36
            } else {
                return nil
            }
            key = key << 6 | UInt64(code)
        }
        return key
    }

    private static let keyed: [(key: UInt64, element: HTMLElement)] = allCases.dropFirst()
        .map { element in (Array(element.name.utf8).withUnsafeBufferPointer { key($0)! }, element) }
        .sorted { $0.key < $1.key }
}

extension HTMLElement {
    /// A switch rather than a table: the compiler turns it into a constant lookup, with no
    /// lazily initialized global to check on every tag. HTMLElementTests checks it against
    /// the lists of names per trait.
    var traits: ElementTraits {
        switch self {
        case .unknown: []
        case .script, .style, .title: [.rawText, .dropWithContent]
        case .noembed, .noframes: [.rawText, .dropWithContent, .textRule]
        case .textarea: [.rawText, .dropTag]
        case .xmp: [.rawText]
        case .iframe, .object, .embed: [.dropWithContent, .textRule]
        case .frameset, .template, .svg, .math, .head: [.dropWithContent, .textRule]
        case .frame, .applet: [.dropWithContent]
        case .form: [.dropTag, .line]
        case .html, .body, .base, .meta, .link, .input, .button, .select, .option, .noscript, .param: [.dropTag]
        case .ul, .ol, .pre, .hr, .blockquote: [.paragraph, .textRule]
        case .p, .dl, .table, .figure, .address, .h1, .h2, .h3, .h4, .h5, .h6, .details, .fieldset: [.paragraph]
        case .li, .tr, .video, .audio: [.line, .textRule]
        case .div, .section, .article, .header, .footer, .main, .nav, .aside, .dt, .dd, .figcaption, .caption, .summary,
             .center, .tbody, .thead, .tfoot, .picture: [.line]
        case .br, .a, .img, .source, .td, .th, .q: [.textRule]
        }
    }
}

/// What each consumer needs to know about an element.
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
}
