import Foundation
import TidingsModel

/// Adds and removes lines of a feeds.txt without disturbing anything else in it: comments,
/// blank lines, order and spacing of the other lines stay as the user wrote them. Every
/// change replaces the file atomically (write beside, rename).
public enum FeedListEditor {
    public struct Entry: Sendable, Equatable {
        public var url: String
        public var tags: [String]
        public var title: String?

        public init(url: String, tags: [String] = [], title: String? = nil) {
            self.url = url
            self.tags = tags
            self.title = title
        }

        /// The line as feeds.txt spells it: `URL tag "a tag" "~Title"`.
        public var line: String {
            var words = [FeedListEditor.quoted(url, force: false)]
            for tag in tags where !tag.isEmpty {
                // A tag that would read as a title (~), a hidden tag (!) or an option (=) is
                // quoted; ~ and ! cannot be escaped by quoting, so they are dropped from the front.
                let clean = String(tag.drop(while: { $0 == "~" || $0 == "!" }))
                if !clean.isEmpty { words.append(FeedListEditor.quoted(clean, force: clean.contains("="))) }
            }
            if let title, !title.isEmpty { words.append(FeedListEditor.quoted("~" + title, force: true)) }
            return words.joined(separator: " ")
        }
    }

    static func quoted(_ word: String, force: Bool) -> String {
        let needs = force || word.isEmpty || word.hasPrefix("#")
            || word.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "\\" || $0.isNewline })
        guard needs else { return word }
        let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        return "\"" + escaped + "\""
    }

    /// How URLs are compared for "already subscribed": scheme and host are case-insensitive.
    static func normalized(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        return url[..<schemeEnd.upperBound].lowercased() + host.lowercased() + rest.dropFirst(host.count)
    }

    /// The URLs a feeds file lists (normalized); empty when the file does not exist yet.
    static func knownURLs(_ path: String) throws(TidingsError) -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            return Set(try FeedList.load(path: path).feeds.map { normalized($0.url) })
        } catch {
            throw TidingsError(stage: .config, message: "fix it first (tidings check): \(error.description)", file: path)
        }
    }

    /// Appends `entries` (after a comment line), creating the file when missing.
    public static func append(_ entries: [Entry], to path: String, comment: String? = nil) throws(TidingsError) {
        guard !entries.isEmpty else { return }
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        if let comment { text += "# \(comment)\n" }
        for entry in entries { text += entry.line + "\n" }
        try replace(path, with: text)
    }

    /// Removes the lines of feeds whose URL (or, failing that, title) is `target`;
    /// returns the removed feeds.
    public static func remove(_ target: String, from path: String) throws(TidingsError) -> [FeedSource] {
        let list: FeedList
        do {
            list = try FeedList.load(path: path)
        } catch {
            throw TidingsError(stage: .config, message: error.description, file: path)
        }
        var matches = list.feeds.filter { normalized($0.url) == normalized(target) }
        if matches.isEmpty {
            matches = list.feeds.filter { $0.title?.caseInsensitiveCompare(target) == .orderedSame }
        }
        guard !matches.isEmpty else { return [] }
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in Set(matches.map(\.line)).sorted(by: >) where lines.indices.contains(line - 1) {
            lines.remove(at: line - 1)
        }
        try replace(path, with: lines.joined(separator: "\n"))
        return matches
    }

    static func replace(_ path: String, with text: String) throws(TidingsError) {
        let temporary = path + ".tidings-new"
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            try text.write(toFile: temporary, atomically: false, encoding: .utf8)
            if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw TidingsError(stage: .config, message: "cannot write it: \(error.localizedDescription)", file: path)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TidingsError(stage: .config, message: "cannot replace it: \(reason)", file: path)
        }
    }
}

extension FeedListEditor {
    /// True when the feeds file already lists `url` (scheme and host compared case-insensitively).
    public static func contains(_ url: String, in path: String) throws(TidingsError) -> Bool {
        try knownURLs(path).contains(normalized(url))
    }
}
