import TidingsModel

/// File names for feeds and tags: `feeds/<slug>.html`, `tags/<slug>.html`.
///
/// Lower-case ASCII letters, digits and dashes, so a name works on any file system and in any
/// URL without escaping. Names with no ASCII letters (中文新闻) get a hash instead, and two names
/// that would share a slug are told apart by a hash of the full name, so every slug is unique
/// and depends only on the name it is for.
public enum Slug {
    public static func base(_ name: String) -> String {
        var out: [UInt8] = []
        var dash = false
        for b in name.lowercased().utf8 {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                if dash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                dash = false
                out.append(b)
                if out.count >= 48 { break }
            } else {
                dash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hash(_ name: String) -> String { String(SHA256.hex(name).prefix(8)) }

    /// Unique slugs for `items` (keyed by `key`, named by `name`): names that would share a
    /// slug are told apart by a hash of their key; names without ASCII letters or digits
    /// become `fallback-<hash>`.
    public static func assign(_ items: [(key: String, name: String)], fallback: String) -> [String: String] {
        var byBase: [String: [String]] = [:]
        var seen = Set<String>()
        for item in items where seen.insert(item.key).inserted {
            byBase[base(item.name), default: []].append(item.key)
        }
        var out: [String: String] = [:]
        for (base, keys) in byBase {
            for key in keys {
                if base.isEmpty {
                    out[key] = fallback + "-" + hash(key)
                } else {
                    out[key] = keys.count == 1 ? base : base + "-" + hash(key)
                }
            }
        }
        return out
    }
}
