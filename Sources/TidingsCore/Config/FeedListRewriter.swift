import Foundation
import TidingsModel

/// Rewrites feed URLs in a `feeds.txt` in place (for `--rewrite-moved`), touching nothing
/// but the URL itself: comments, tags, options, spacing and line order stay as they were.
public enum FeedListRewriter {
    public struct Rewrite: Sendable, Equatable {
        public var line: Int
        public var old: String
        public var new: String

        public init(line: Int, old: String, new: String) {
            self.line = line
            self.old = old
            self.new = new
        }
    }

    /// Applies the rewrites and replaces the file atomically (write beside, rename).
    public static func apply(_ rewrites: [Rewrite], to path: String) throws(TidingsError) {
        guard !rewrites.isEmpty else { return }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TidingsError(stage: .config, message: "cannot read it to rewrite moved feeds: \(error.localizedDescription)", file: path)
        }
        try FeedListEditor.replace(path, with: try rewrite(text, rewrites, file: path))
    }

    static func rewrite(_ text: String, _ rewrites: [Rewrite], file: String) throws(TidingsError) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for rewrite in rewrites {
            let index = rewrite.line - 1
            guard lines.indices.contains(index), let range = urlRange(in: lines[index]),
                  lines[index][range] == rewrite.old else {
                throw TidingsError(stage: .config, message: "line \(rewrite.line) no longer holds \(URLRedaction.redact(rewrite.old)); "
                    + "feeds.txt changed during the sync, run it again", file: file, line: rewrite.line)
            }
            lines[index].replaceSubrange(range, with: rewrite.new)
        }
        return lines.joined(separator: "\n")
    }

    /// The range of the line's first word (its URL), without surrounding quotes.
    private static func urlRange(in line: String) -> Range<String.Index>? {
        guard var start = line.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return nil }
        var end: String.Index
        if line[start] == "\"" {
            start = line.index(after: start)
            end = line[start...].firstIndex(of: "\"") ?? line.endIndex
        } else {
            end = line[start...].firstIndex(where: { $0 == " " || $0 == "\t" }) ?? line.endIndex
        }
        return start..<end
    }
}
