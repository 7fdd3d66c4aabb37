import Foundation

/// The one policy that decides when two entries are the same article.
///
/// An entry's key, unique within its feed, is the first that applies:
/// 1. `id:` + its guid/id (whitespace trimmed);
/// 2. `id:` + guid + `|` + link, when the document gives the same guid to entries
///    that differ (some feeds reuse one guid for every item; keying on it alone would
///    hide every new article);
/// 3. `link:` + its link;
/// 4. `hash:` + SHA-256 of title, date and content.
/// Entries whose key repeats inside one document are the same article listed twice:
/// only the first is kept.
///
/// A guid that is an http(s) URL is the same guid under the other scheme (sites
/// move to https and their feeds' guids follow): such an entry carries the
/// other spelling as an alias, and whoever looks keys up treats a known alias
/// as the entry being known. The key itself stays as written, so keys stored
/// by earlier versions keep matching.
public enum EntryIdentity {
    public struct Keyed: Sendable {
        public var key: String
        public var entry: ParsedEntry
        /// Other keys this entry may have been stored under (the guid's other scheme).
        public var aliases: [String] = []
    }

    /// Keys for a document's entries, duplicates removed, document order kept.
    public static func keyed(_ entries: [ParsedEntry]) -> [Keyed] {
        // Fingerprints (a content hash) only for guids that occur more than once:
        // the common case, one guid per item, costs one dictionary pass.
        var idCounts: [String: Int] = [:]
        for entry in entries {
            if let id = normalizedID(entry.id) { idCounts[id, default: 0] += 1 }
        }
        var idFingerprints: [String: Set<String>] = [:]
        for entry in entries {
            guard let id = normalizedID(entry.id), idCounts[id, default: 0] > 1 else { continue }
            idFingerprints[id, default: []].insert(fingerprint(entry))
        }
        var seen = Set<String>()
        var out: [Keyed] = []
        out.reserveCapacity(entries.count)
        for entry in entries {
            let key = self.key(for: entry, idIsReused: { id in (idFingerprints[id]?.count ?? 0) > 1 })
            let aliases = schemeVariant(ofKey: key).map { [$0] } ?? []
            // Listed twice under both schemes is listed twice: compare one spelling.
            if seen.insert(aliases.first.map { min(key, $0) } ?? key).inserted {
                out.append(Keyed(key: key, entry: entry, aliases: aliases))
            }
        }
        return out
    }

    /// `id:http://…` ⇄ `id:https://…` (scheme in any case); nil for other keys.
    static func schemeVariant(ofKey key: String) -> String? {
        guard key.hasPrefix("id:") else { return nil }
        let id = key.dropFirst(3)
        guard let length = HTTPScheme.prefixLength(id) else { return nil }
        return (length == 8 ? "id:http://" : "id:https://") + id.dropFirst(length)
    }

    static func key(for entry: ParsedEntry, idIsReused: (String) -> Bool) -> String {
        let link = entry.link.map(trimmed).flatMap { $0.isEmpty ? nil : $0 }
        if let id = normalizedID(entry.id) {
            if idIsReused(id) {
                return "id:\(id)|" + (link ?? "hash:" + contentHash(entry))
            }
            return "id:\(id)"
        }
        if let link { return "link:\(link)" }
        return "hash:" + contentHash(entry)
    }

    static func normalizedID(_ id: String?) -> String? {
        guard let id else { return nil }
        let value = trimmed(id)
        return value.isEmpty ? nil : value
    }

    /// What tells two entries that share a guid apart.
    private static func fingerprint(_ entry: ParsedEntry) -> String {
        (entry.link ?? "") + "\u{0}" + contentHash(entry)
    }

    static func contentHash(_ entry: ParsedEntry) -> String {
        var hasher = SHA256()
        hasher.update(entry.title ?? "")
        hasher.update([0])
        hasher.update(entry.date.map { String(Int64($0.timeIntervalSince1970)) } ?? "")
        hasher.update([0])
        (entry.content ?? entry.summary)?.withUnsafeBufferPointer { hasher.update(UnsafeRawBufferPointer($0)) }
        return hasher.finalize().hexString
    }

    /// ASCII whitespace trimmed; the common case (nothing to trim) returns the string as is.
    /// Foundation's trimming costs more than everything else here together.
    private static func trimmed(_ s: String) -> String {
        let utf8 = s.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return s }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = utf8.lastIndex(where: { !isSpace($0) })!
        return String(s[start...end])
    }
}
