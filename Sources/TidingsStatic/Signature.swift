import TidingsModel

/// A fingerprint of everything a page is made from (FNV-1a, 64 bits), so an update can tell
/// that a page would come out the same without rendering it. Stable across runs and
/// machines, unlike `Hasher`, because it is stored in the site's manifest.
struct Signature {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Bumped whenever the rendering changes, so every page is rendered again once.
    static let renderVersion = "tidings-static-1"

    init(_ parts: String...) {
        add(Self.renderVersion)
        for part in parts { add(part) }
    }

    mutating func add(_ s: String) {
        for b in s.utf8 {
            value ^= UInt64(b)
            value &*= 0x100_0000_01b3
        }
        // A separator, so ("ab","c") and ("a","bc") differ.
        value ^= 0xff
        value &*= 0x100_0000_01b3
    }

    mutating func add(_ article: Article, _ feed: SiteFeed?) {
        add(article.id)
        add(feed?.title ?? "")
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
