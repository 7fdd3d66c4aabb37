import Foundation
import Testing
@testable import TidingsDeliver

@Suite struct MailDateTests {
    @Test(arguments: [
        (0.0, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (1_772_532_000.75, "Tue, 03 Mar 2026 10:00:00 +0000"),
        (-86_400, "Wed, 31 Dec 1969 00:00:00 +0000"),
        (4_102_444_799, "Thu, 31 Dec 2099 23:59:59 +0000"),
    ])
    func formats(seconds: Double, expected: String) {
        #expect(MailDate.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func rejectsYearsOutsideRFC5322() {
        #expect(!MailDate.isRepresentable(Date(timeIntervalSince1970: -3_000_000_000)))
        #expect(!MailDate.isRepresentable(Date(timeIntervalSince1970: 300_000_000_000)))
        #expect(MailDate.isRepresentable(Date(timeIntervalSince1970: 0)))
    }
}
