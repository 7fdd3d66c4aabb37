import TidingsDeliver
import TidingsModel

/// What the site keeps of an entry's body, computed once when the entry is stored.
public struct ArticleContent: Sendable, Equatable {
    /// Sanitized HTML with absolute URLs (`HTMLSanitizer`).
    public var html: String
    /// Plain text for listings.
    public var excerpt: String

    public init(html: String, excerpt: String) {
        self.html = html
        self.excerpt = excerpt
    }

    /// The entry's full content (else its summary), sanitized, and an excerpt of it
    /// (from the summary when there is one, as the author wrote it to be read that way).
    public init(entry: ParsedEntry) {
        html = HTMLSanitizer.sanitize(entry.content ?? entry.summary ?? "", base: entry.baseURL ?? entry.link)
        let teaser = entry.summary.map { HTMLSanitizer.excerpt($0) } ?? ""
        excerpt = teaser.isEmpty ? HTMLSanitizer.excerpt(html) : teaser
    }
}
