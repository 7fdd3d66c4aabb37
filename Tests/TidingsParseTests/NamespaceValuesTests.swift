import Testing
import TidingsModel
@testable import TidingsParse

/// `slash:comments` counts and GeoRSS / W3C geo coordinates, read strictly:
/// what is not a plain number in range is `nil`. (Captured text arrives trimmed.)
@Suite struct NamespaceValuesTests {
    static let countsCases: [(String, Int?)] = [
        ("0", 0), ("42", 42), ("007", 7), ("999999999999999999", 999_999_999_999_999_999),
        ("", nil), ("-1", nil), ("+1", nil), ("1.0", nil), ("1,024", nil), ("12 comments", nil),
        ("9999999999999999999", nil), ("１２", nil),
    ]

    @Test(arguments: countsCases)
    func count(_ input: String, _ expected: Int?) {
        let bytes = Array(input.utf8)
        #expect(bytes.withUnsafeBufferPointer { FeedHandler.count($0) } == expected, "\(input)")
    }

    static let degreesCases: [(String, Double?)] = [
        ("45.256", 45.256), ("-71.92", -71.92), ("+100", 100), (".5", 0.5), ("5.", 5), ("0", 0),
        ("", nil), ("-", nil), (".", nil), ("1e5", nil), ("0x10", nil), ("nan", nil), ("inf", nil),
        ("1.2.3", nil), ("1-2", nil), ("--1", nil), ("45°", nil),
    ]

    @Test(arguments: degreesCases)
    func degrees(_ input: String, _ expected: Double?) {
        let bytes = Array(input.utf8)
        #expect(bytes.withUnsafeBufferPointer { FeedHandler.degrees($0[...]) } == expected, "\(input)")
    }

    static let pointsCases: [(String, GeoPoint?)] = [
        ("45.256 -71.92", GeoPoint(latitude: 45.256, longitude: -71.92)),
        ("45.256\t\n -71.92", GeoPoint(latitude: 45.256, longitude: -71.92)),
        ("45.256, -71.92", GeoPoint(latitude: 45.256, longitude: -71.92)),
        ("90 180", GeoPoint(latitude: 90, longitude: 180)),
        ("-90 -180", GeoPoint(latitude: -90, longitude: -180)),
        ("90.0001 0", nil), ("0 180.5", nil), ("45.256", nil), ("1 2 3", nil), ("", nil), ("a b", nil),
    ]

    @Test(arguments: pointsCases)
    func point(_ input: String, _ expected: GeoPoint?) {
        let bytes = Array(input.utf8)
        #expect(bytes.withUnsafeBufferPointer { FeedHandler.point($0) } == expected, "\(input)")
    }
}
