/// A place on Earth in WGS 84 degrees, as feeds give it (GeoRSS `georss:point`,
/// W3C `geo:lat`/`geo:long`). Only points inside the valid ranges exist.
public struct GeoPoint: Sendable, Equatable, Codable {
    public let latitude: Double
    public let longitude: Double

    /// `nil` unless latitude is in −90…90 and longitude in −180…180 (NaN and infinities fail too).
    public init?(latitude: Double, longitude: Double) {
        guard (-90.0...90.0).contains(latitude), (-180.0...180.0).contains(longitude) else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }
}
