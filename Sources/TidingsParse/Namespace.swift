/// The XML vocabularies feeds mix, recognised by namespace URI (never by the
/// prefix a document happens to use).
enum Namespace: UInt8 {
    case none
    case atom10, atom03
    case rdf, rss10, rss090
    case content, dc, dcterms, media, itunes, xhtml, xml, syndication
    case slash, georss, geo
    case other

    /// Matches by URI. Trailing-slash and userland variants seen in the wild are folded in.
    static func of(_ uri: UnsafePointer<UInt8>?) -> Namespace {
        guard let uri else { return .none }
        for (literal, ns) in known where ByteName.equals(uri, literal) { return ns }
        return .other
    }

    static let xmlURI: StaticString = "http://www.w3.org/XML/1998/namespace"

    private static let known: [(StaticString, Namespace)] = [
        ("http://www.w3.org/2005/Atom", .atom10),
        ("http://purl.org/dc/elements/1.1/", .dc),
        ("http://purl.org/rss/1.0/modules/content/", .content),
        ("http://search.yahoo.com/mrss/", .media),
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", .rdf),
        ("http://purl.org/rss/1.0/", .rss10),
        ("http://www.w3.org/1999/xhtml", .xhtml),
        (xmlURI, .xml),
        ("http://purl.org/dc/terms/", .dcterms),
        ("http://purl.org/rss/1.0/modules/syndication/", .syndication),
        ("http://purl.org/atom/ns#", .atom03),
        ("http://my.netscape.com/rdf/simple/0.9/", .rss090),
        ("http://purl.org/dc/elements/1.0/", .dc),
        ("http://search.yahoo.com/mrss", .media),
        ("http://www.itunes.com/dtds/podcast-1.0.dtd", .itunes),
        // The capitalised form Apple's own early examples used.
        ("http://www.itunes.com/DTDs/PodCast-1.0.dtd", .itunes),
        ("http://purl.org/rss/1.0/modules/slash/", .slash),
        ("http://www.georss.org/georss", .georss),
        ("http://www.w3.org/2003/01/geo/wgs84_pos#", .geo),
        // RSS 2.0 documents that declare a default namespace for plain RSS.
        ("http://backend.userland.com/rss2", .none),
        ("http://blogs.law.harvard.edu/tech/rss", .none),
    ]
}

/// libxml2 hands out the same interned URI pointer for every element of one
/// namespace, so remembering the last few makes most lookups a pointer compare.
/// Plain stored slots rather than arrays: this runs once per start tag.
struct NamespaceCache {
    private var p0: UnsafePointer<UInt8>?, p1: UnsafePointer<UInt8>?, p2: UnsafePointer<UInt8>?, p3: UnsafePointer<UInt8>?
    private var v0 = Namespace.none, v1 = Namespace.none, v2 = Namespace.none, v3 = Namespace.none
    private var next = 0

    mutating func lookup(_ uri: UnsafePointer<UInt8>?) -> Namespace {
        guard let uri else { return .none }
        if uri == p0 { return v0 }
        if uri == p1 { return v1 }
        if uri == p2 { return v2 }
        if uri == p3 { return v3 }
        let ns = Namespace.of(uri)
        switch next {
        case 0: (p0, v0) = (uri, ns)
        case 1: (p1, v1) = (uri, ns)
        case 2: (p2, v2) = (uri, ns)
        default: (p3, v3) = (uri, ns)
        }
        next = (next + 1) & 3
        return ns
    }
}
