import Foundation

/// How long articles stay on the static site: `--keep 30d` (an age, any `every=` duration)
/// or `--keep 500` (the newest N). Articles past it lose their pages and their stored
/// copy; their entries stay, so they are never delivered again.
public enum SiteRetention: Sendable, Equatable {
    case age(TimeInterval)
    case count(Int)

    public static func parse(_ text: String) -> SiteRetention? {
        if let count = Int(text) { return count > 0 ? .count(count) : nil }
        return Interval.parse(text).map(SiteRetention.age)
    }

    /// The ids of `articles` (newest first) that fall outside.
    func expired(_ articles: [(id: String, date: Date)], now: Date) -> [String] {
        switch self {
        case .age(let age):
            let cutoff = now.addingTimeInterval(-age)
            return articles.filter { $0.date < cutoff }.map(\.id)
        case .count(let count):
            return articles.dropFirst(count).map(\.id)
        }
    }
}
