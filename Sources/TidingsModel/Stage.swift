/// The step of the pipeline an error happened in; printed in every per-feed error line.
public enum Stage: String, Sendable, Equatable, Codable {
    case config
    case fetch
    case parse
    case store
    case deliver
}
