/// The one place the version and the HTTP identity are written down.
public enum TidingsVersion {
    public static let version = "0.1.0"
    /// Sent with every request, so server operators can tell who is fetching and why.
    public static let userAgent = "Tidings/\(version) (feed aggregator; Linux)"
}
