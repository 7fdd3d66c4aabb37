import TidingsModel
import Foundation

/// Parses one line of `feeds.txt` (see `FeedList` for the format).
struct FeedListLine {
    enum Outcome {
        case empty
        case ignored(TidingsError)
        case failure(TidingsError)
        case feed(FeedSource, warnings: [TidingsError])
    }

    var file: String
    var line: Int
    var baseDirectory: String

    static let options = ["title", "every", "folder", "tls-verify"]

    func parse(_ text: Substring) -> Outcome {
        let words: [FeedListTokenizer.Word]
        do {
            words = try FeedListTokenizer.words(text)
        } catch {
            return .failure(fail("unterminated quote; close the \" or remove it"))
        }
        guard let first = words.first else { return .empty }
        if first.text.hasPrefix("query:") {
            return .ignored(fail("newsboat query feeds (\"query:…\") have no URL to fetch; line ignored"))
        }
        let url: String
        let location: String
        switch FeedLocation.resolve(first.text, baseDirectory: baseDirectory) {
        case .success(let resolved):
            url = first.text
            location = resolved
        case .failure(let message):
            return .failure(fail(message))
        }
        var feed = FeedSource(url: url, location: location, file: file, line: line)
        var warnings: [TidingsError] = []
        for word in words.dropFirst() {
            if word.isOption {
                if let message = apply(option: word.text, to: &feed) { return .failure(fail(message, feed: url)) }
            } else if word.text.hasPrefix("~") {
                let title = String(word.text.dropFirst()).trimmingCharacters(in: .whitespaces)
                if title.isEmpty { return .failure(fail("empty title after ~; write \"~Title\"", feed: url)) }
                feed.title = title
            } else if word.text.hasPrefix("!") {
                warnings.append(fail("newsboat's hidden tags (\(word.text)) mean nothing to Tidings; tag ignored", feed: url))
            } else if word.text.isEmpty {
                continue
            } else if !feed.tags.contains(word.text) {
                feed.tags.append(word.text)
            }
        }
        return .feed(feed, warnings: warnings)
    }

    /// Applies `key=value`; returns an error message, or nil when it was fine.
    private func apply(option: String, to feed: inout FeedSource) -> String? {
        let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = String(parts[0])
        let value = parts.count > 1 ? String(parts[1]) : ""
        switch key {
        case "title":
            guard !value.isEmpty else { return "title= needs a value, e.g. title=\"My Feed\"" }
            feed.title = value
        case "every":
            guard let seconds = Interval.parse(value) else {
                return "every=\(value) is not a duration; write e.g. every=30m, every=2h or every=1d"
            }
            guard seconds >= 60 else { return "every=\(value) is shorter than a minute; be kind to the server" }
            feed.every = seconds
        case "tls-verify":
            switch value {
            case "no": feed.verifyTLS = false
            case "yes": feed.verifyTLS = true
            default: return "tls-verify=\(value): write tls-verify=no (to accept any certificate) or tls-verify=yes"
            }
        case "folder":
            if let problem = MaildirFolderName.problem(value) { return "folder=\(value): \(problem)" }
            feed.folder = value
        default:
            return "unknown option '\(key)' (known: \(Self.options.joined(separator: ", "))); "
                + "to use it as a tag, quote it: \"\(option)\""
        }
        return nil
    }

    private func fail(_ message: String, feed: String? = nil) -> TidingsError {
        TidingsError(stage: .config, message: message, feed: feed, file: file, line: line)
    }
}

/// The rule for `folder=` names: one Maildir++ folder, no path tricks.
enum MaildirFolderName {
    static func problem(_ name: String) -> String? {
        if name.isEmpty { return "needs a name, e.g. folder=News" }
        if name.contains("/") { return "must not contain '/'; use dots for nesting (folder=News.Tech)" }
        if name.hasPrefix(".") || name.hasSuffix(".") || name.contains("..") { return "must not start or end with '.' or contain '..'" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) { return "must not contain control characters" }
        return nil
    }
}
