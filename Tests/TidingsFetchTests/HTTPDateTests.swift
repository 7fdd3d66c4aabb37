import Foundation
import Testing
@testable import TidingsFetch

/// The three HTTP date forms servers send (RFC 9110 §5.6.7), and what is not a date.
@Suite struct HTTPDateTests {
    static let nov6 = Date(timeIntervalSince1970: 784_111_777)  // 1994-11-06 08:49:37 UTC

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",  // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT",  // RFC 850
        "Sun Nov  6 08:49:37 1994",  // asctime
        "sun, 06 nov 1994 08:49:37 gmt",  // case does not matter
        "Sun, 6 Nov 1994 08:49:37 GMT",  // one-digit day, seen in the wild
    ])
    func parsesEveryForm(text: String) {
        #expect(HTTPDate.parse(text) == HTTPDateTests.nov6)
    }

    @Test(arguments: ["", "0", "-1", "tomorrow", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994", "Sun, 06 Nov 1994 25:00:00 GMT"])
    func rejectsNonDates(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(HTTPDateTests.nov6) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        let leap = Date(timeIntervalSince1970: 951_782_400)  // 2000-02-29
        #expect(HTTPDate.format(leap) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate.parse(HTTPDate.format(leap)) == leap)
    }

    @Test func twoDigitYearsFollowRFC850() {
        #expect(HTTPDate.parse("Thursday, 01-Jan-70 00:00:00 GMT") == Date(timeIntervalSince1970: 0))
        #expect(HTTPDate.parse("Friday, 01-Jan-38 00:00:00 GMT") == Date(timeIntervalSince1970: 2_145_916_800))
    }
}
