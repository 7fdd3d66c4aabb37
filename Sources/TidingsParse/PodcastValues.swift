/// The values of iTunes podcast tags (`itunes:duration`, `itunes:explicit`),
/// read as strictly as is useful: a value that cannot be read is `nil`, never a guess.
enum PodcastValues {
    /// `itunes:duration` in seconds: `H:MM:SS`, `MM:SS` or plain seconds.
    /// The leading part may exceed its usual range (`90:00` is 90 minutes);
    /// the others must not (`1:75` is not a time). A fraction of the last part
    /// (`0:45:12.500`, which some encoders write) is dropped. Anything else
    /// (`45 min`, `-5`, empty, a part of more than 7 digits) is `nil`.
    static func duration(_ raw: String) -> Int? {
        var text = Substring(raw.trimmingASCIIWhitespace())
        if let dot = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            text = text[..<dot]
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var seconds = 0
        for (index, part) in parts.enumerated() {
            guard !part.isEmpty, part.count <= 7, part.allSatisfy(\.isASCIIDigit), let value = Int(part) else { return nil }
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

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
