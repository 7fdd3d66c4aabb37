import TidingsModel

// The smaller modules feeds borrow, recognised by namespace URI: Slash
// (http://purl.org/rss/1.0/modules/slash/) comment counts, GeoRSS Simple
// (http://www.georss.org/georss) and W3C Basic Geo
// (http://www.w3.org/2003/01/geo/wgs84_pos#) locations. Rights (`dc:rights`,
// `dcterms:rights`, RSS `<copyright>`, Atom `<rights>`) are read like titles,
// in `FeedHandler.swift`; `rel="self"` / `rel="hub"` links where links are.
// Specs: https://web.resource.org/rss/1.0/modules/slash/, https://www.georss.org/simple.html,
// https://www.w3.org/2003/01/geo/
extension FeedHandler {
    /// A `slash:` element that is a direct child of an item or entry.
    func slashEntryElement(_ name: UnsafePointer<UInt8>) {
        if ByteName.equals(name, "comments") { begin(.commentCount, .text) }
    }

    /// A `georss:` element that is a direct child of an item or entry
    /// (only the Simple `point`; lines, polygons and boxes are not places).
    func georssEntryElement(_ name: UnsafePointer<UInt8>) {
        if ByteName.equals(name, "point") { begin(.georssPoint, .text) }
    }

    /// A W3C `geo:` element that is a direct child of an item or entry.
    func geoEntryElement(_ name: UnsafePointer<UInt8>) {
        if ByteName.equals(name, "lat") { begin(.geoLatitude, .text) }
        else if ByteName.equals(name, "long") { begin(.geoLongitude, .text) }
    }

    /// The captured text of the fields above, and of RSS `<comments>`, for an entry.
    /// The end of the element is still inside it, so `currentBase` is its base.
    func applyNamespaceToEntry(_ capture: Capture, _ bytes: UnsafeBufferPointer<UInt8>) {
        switch capture.field {
        case .comments:
            if entry.fields.commentsURL == nil { entry.fields.commentsURL = URLResolver.resolve(bytes, against: currentBase) }
        case .commentCount:
            if entry.fields.commentCount == nil { entry.fields.commentCount = Self.count(bytes) }
        case .georssPoint:
            if entry.georssPoint == nil { entry.georssPoint = Self.point(bytes) }
        case .geoLatitude:
            if entry.geoLatitude == nil { entry.geoLatitude = Self.degrees(bytes[...]) }
        case .geoLongitude:
            if entry.geoLongitude == nil { entry.geoLongitude = Self.degrees(bytes[...]) }
        default:
            break
        }
    }

    /// A non-negative decimal integer of at most 18 digits (no sign, no
    /// separators); anything else (`12 comments`, `-1`, `1,024`) is `nil`.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    /// GeoRSS Simple `"lat lon"`: two decimal numbers separated by whitespace
    /// (a comma, which some feeds write, is taken as a separator too), inside
    /// the valid ranges.
    static func point(_ bytes: UnsafeBufferPointer<UInt8>) -> GeoPoint? {
        let parts = bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ",") })
        guard parts.count == 2, let lat = degrees(parts[0]), let lon = degrees(parts[1]) else { return nil }
        return GeoPoint(latitude: lat, longitude: lon)
    }

    /// A plain decimal number (`-33.8`, `+151`, `.5`): no exponent, no hex,
    /// no `nan`/`inf`, which `Double.init` would also accept.
    static func degrees(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var sawDigit = false, sawDot = false
        for (i, b) in zip(bytes.indices, bytes) {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."): if sawDot { return nil }; sawDot = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if i != bytes.startIndex { return nil }
            default: return nil
            }
        }
        guard sawDigit, bytes.count <= 32 else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}
