/// The syndication format a document was recognised as.
/// Raw values are the names `tidings parse` prints.
public enum FeedFormat: String, Sendable, Equatable, Codable, CaseIterable {
    case rss20
    case rss10
    case rss09x
    case atom10
    case atom03
    case jsonfeed
}
