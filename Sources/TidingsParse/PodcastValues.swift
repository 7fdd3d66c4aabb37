/// The values of iTunes podcast tags (`itunes:duration`, `itunes:explicit`),
/// read as strictly as is useful: a value that cannot be read is `nil`, never a guess.
enum PodcastValues {
    /// `itunes:duration` in seconds: `H:MM:SS`, `MM:SS` or plain seconds.
    /// The leading part may exceed its usual range (`90:00` is 90 minutes);
    /// the others must not (`1:75` is not a time). A fraction of the last part
    /// (`0:45:12.500`, which some encoders write) is dropped. Anything else
    /// (`45 min`, `-5`, empty, a part of more than 7 digits) is `nil`.
    static func duration(_ raw: String) -> Int? {
        // On UTF-8 bytes: this runs per episode, and Character-wise splitting cost 10k instructions a call.
        var bytes = Array(raw.trimmingASCIIWhitespace().utf8)
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
            let fraction = bytes[(dot + 1)...]
            guard !fraction.isEmpty, fraction.allSatisfy(ASCII.isDigit) else { return nil }
            bytes.removeSubrange(dot...)
        }
        let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var seconds = 0
        for (index, part) in parts.enumerated() {
            guard !part.isEmpty, part.count <= 7, part.allSatisfy(ASCII.isDigit) else { return nil }
            let value = part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            if index > 0 { guard part.count <= 2, value < 60 else { return nil } }
            seconds = seconds * 60 + value
        }
        return seconds
    }

    /// `itunes:explicit`: Apple's current `true`/`false`, the older `yes`/`no`
    /// and `explicit`/`clean`, in any case. Anything else says nothing.
    static func explicit(_ raw: String) -> Bool? {
        switch raw.trimmingASCIIWhitespace().lowercased() {
        case "yes", "true", "explicit": return true
        case "no", "false", "clean": return false
        default: return nil
        }
    }
}
