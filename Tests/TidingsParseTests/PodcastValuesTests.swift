import Testing
@testable import TidingsParse

/// `itunes:duration` and `itunes:explicit` as podcast feeds write them.
@Suite struct PodcastValuesTests {
    static let durations: [(String, Int?)] = [
        ("1:02:03", 3723), ("01:02:03", 3723), ("0:00:59", 59), ("45:30", 2730), ("90:00", 5400),
        ("3600", 3600), (" 42 ", 42), ("0", 0), ("00:45:12.500", 2712), ("100:00:00", 360_000),
        ("", nil), ("   ", nil), ("45 min", nil), ("1:75", nil), ("1:60:00", nil), ("-5", nil), ("1::20", nil),
        (":30", nil), ("30:", nil), ("1:2:3:4", nil), ("1.5", 1), ("12.", nil), ("1:02:03.x", nil),
        ("99999999999999999999", nil), ("１２", nil),
    ]

    @Test(arguments: durations)
    func duration(_ input: String, _ expected: Int?) {
        #expect(PodcastValues.duration(input) == expected, "\(input)")
    }

    static let explicitValues: [(String, Bool?)] = [
        ("yes", true), ("Yes", true), ("true", true), ("explicit", true), (" EXPLICIT ", true),
        ("no", false), ("false", false), ("clean", false), ("Clean", false),
        ("", nil), ("maybe", nil), ("1", nil), ("y", nil),
    ]

    @Test(arguments: explicitValues)
    func explicit(_ input: String, _ expected: Bool?) {
        #expect(PodcastValues.explicit(input) == expected, "\(input)")
    }
}
