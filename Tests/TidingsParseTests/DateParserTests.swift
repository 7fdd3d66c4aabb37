import Foundation
import Testing
import TidingsModel
@testable import TidingsParse

/// Dates as feeds write them → the instant they mean, in UTC (`nil`: unreadable).
@Suite struct DateParserTests {
    static let cases: [(String, String?)] = [
        // RFC 822 / 1123
        ("Sat, 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z"),
        ("Sat, 07 Sep 02 00:00:01 GMT", "2002-09-07T00:00:01Z"),
        ("Sat, 07 Sep 99 00:00:01 GMT", "1999-09-07T00:00:01Z"),
        ("Sat, 7 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z"),
        ("07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z"),
        ("Sat, 07 Sep 2002 00:00 GMT", "2002-09-07T00:00:00Z"),
        ("Sat, 07 Sep 2002 00:00:01", "2002-09-07T00:00:01Z"),
        ("Sat, 07 Sep 2002", "2002-09-07T00:00:00Z"),
        ("  Sat,  07  Sep  2002  10:00:00  UT ", "2002-09-07T10:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 UTC", "2002-09-07T10:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 Z", "2002-09-07T10:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 EST", "2002-09-07T15:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 EDT", "2002-09-07T14:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 CST", "2002-09-07T16:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 CDT", "2002-09-07T15:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 MST", "2002-09-07T17:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 MDT", "2002-09-07T16:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 PST", "2002-09-07T18:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 PDT", "2002-09-07T17:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 A", "2002-09-07T11:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 M", "2002-09-07T22:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 Y", "2002-09-06T22:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 +0200", "2002-09-07T08:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 -0930", "2002-09-07T19:30:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 +02:00", "2002-09-07T08:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 GMT+0200", "2002-09-07T08:00:00Z"),
        ("Sat, 07 Sep 2002 10:00:00 +0000 (UTC)", "2002-09-07T10:00:00Z"),
        ("sat, 07 sep 2002 10:00:00 gmt", "2002-09-07T10:00:00Z"),
        ("Saturday, 07 September 2002 10:00:00 GMT", "2002-09-07T10:00:00Z"),
        ("Sat, 07 Sept 2002 10:00:00 GMT", "2002-09-07T10:00:00Z"),
        ("Sat Sep  7 10:00:00 2002", "2002-09-07T10:00:00Z"),
        ("Sep 7, 2002 10:00 PM", "2002-09-07T22:00:00Z"),
        ("Thu, 29 Feb 2024 12:00:00 GMT", "2024-02-29T12:00:00Z"),
        // RFC 3339 / ISO 8601 / W3C-DTF
        ("2002-09-07T10:00:01Z", "2002-09-07T10:00:01Z"),
        ("2002-09-07T10:00:01+02:00", "2002-09-07T08:00:01Z"),
        ("2002-09-07T10:00:01-05:00", "2002-09-07T15:00:01Z"),
        ("2002-09-07T10:00:01+0530", "2002-09-07T04:30:01Z"),
        ("2002-09-07T10:00:01+05", "2002-09-07T05:00:01Z"),
        ("2002-09-07T10:00:01.123Z", "2002-09-07T10:00:01Z"),
        ("2002-09-07T10:00:01.999999999+01:00", "2002-09-07T09:00:01Z"),
        ("2002-09-07T10:00Z", "2002-09-07T10:00:00Z"),
        ("2002-09-07T10:00", "2002-09-07T10:00:00Z"),
        ("2002-09-07 10:00:01", "2002-09-07T10:00:01Z"),
        ("2002-09-07 10:00:01 +01:00", "2002-09-07T09:00:01Z"),
        ("2002-09-07t10:00:01z", "2002-09-07T10:00:01Z"),
        ("2002-09-07", "2002-09-07T00:00:00Z"),
        ("2002-09", "2002-09-01T00:00:00Z"),
        ("2002", "2002-01-01T00:00:00Z"),
        ("20020907T100001Z", "2002-09-07T10:00:01Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        // Unreadable: nil, never "now"
        ("", nil),
        ("   ", nil),
        ("yesterday", nil),
        ("Sat, 31 Feb 2002 10:00:00 GMT", nil),
        ("2002-13-01T00:00:00Z", nil),
        ("2002-02-30", nil),
        ("2002-09-07T25:00:00Z", nil),
        ("2002-09-07T10:61:00Z", nil),
        ("32 Sep 2002", nil),
        ("Sat, 07 Foo 2002 10:00:00 GMT", nil),
        ("07/09/2002", nil),
        ("2002-09-07T10:00:00 nonsense", nil),
        ("Sat, 07 Sep 2002 10:00:00 +9999", nil),
    ]

    @Test(arguments: cases)
    func parses(_ input: String, _ expected: String?) {
        #expect(DateParser.parse(input)?.iso8601UTC == expected, "\(input)")
    }

    /// RFC-822-like dates with month and weekday names in other languages, as
    /// localised templates write them. Weekday names are read past, never checked.
    static let localizedCases: [(String, String?)] = [
        // German, with the spellings of März seen in the wild
        ("Di, 05 Mär 2024 10:00:00 +0100", "2024-03-05T09:00:00Z"),
        ("Dienstag, 5. März 2024 10:00 Uhr", "2024-03-05T10:00:00Z"),
        ("5 Maerz 2024", "2024-03-05T00:00:00Z"),
        ("5 Mrz 2024", "2024-03-05T00:00:00Z"),
        ("MO, 15 JAN 2024 10:20:30 MEZ", "2024-01-15T09:20:30Z"),
        ("Do, 12 Dez 2024 10:00:00 MESZ", "2024-12-12T08:00:00Z"),
        ("15 Juni 2024", "2024-06-15T00:00:00Z"),
        ("3 Okt. 2024", "2024-10-03T00:00:00Z"),
        ("5 Jänner 2024", "2024-01-05T00:00:00Z"),
        // French: abbreviations with and without their dot, accents or not
        ("mer., 6 mars 2024 14:00:00 +0100", "2024-03-06T13:00:00Z"),
        ("5 févr. 2024", "2024-02-05T00:00:00Z"),
        ("5 fév 2024", "2024-02-05T00:00:00Z"),
        ("5 août 2024", "2024-08-05T00:00:00Z"),
        ("5 aout 2024", "2024-08-05T00:00:00Z"),
        ("5 AOÛT 2024", "2024-08-05T00:00:00Z"),
        ("lun. 2 déc. 2024 08:00:00 GMT", "2024-12-02T08:00:00Z"),
        ("Vendredi, 5 Juillet 2024 12:00", "2024-07-05T12:00:00Z"),
        ("le 5\u{A0}janv. 2024", "2024-01-05T00:00:00Z"),
        // Spanish and Portuguese, with their "de"
        ("sáb, 17 ago 2024 14:30:00 GMT", "2024-08-17T14:30:00Z"),
        ("mié, 17 abr 2024 10:00:00 -0300", "2024-04-17T13:00:00Z"),
        ("martes, 5 de marzo de 2024 10:00", "2024-03-05T10:00:00Z"),
        ("segunda-feira, 5 de fevereiro de 2024 10:00", "2024-02-05T10:00:00Z"),
        ("qui, 05 dez 2024 10:00:00 -0300", "2024-12-05T13:00:00Z"),
        // `mar` is March in English and Tuesday in Spanish, Italian, French
        ("mar, 05 mar 2024 10:00:00 +0100", "2024-03-05T09:00:00Z"),
        ("mar, 09 abr 2024 10:00:00 +0200", "2024-04-09T08:00:00Z"),
        ("Mar 5, 2024", "2024-03-05T00:00:00Z"),
        // Italian
        ("gio, 07 nov 2024 18:45:00 +0100", "2024-11-07T17:45:00Z"),
        ("lunedì 3 giugno 2024", "2024-06-03T00:00:00Z"),
        ("12 Dic 2024", "2024-12-12T00:00:00Z"),
        // Dutch, Swedish, Norwegian, Danish
        ("di 5 mrt 2024 10:00:00 +0100", "2024-03-05T09:00:00Z"),
        ("zo, 12 mei 2024", "2024-05-12T00:00:00Z"),
        ("tis, 08 okt 2024 10:00:00 +0200", "2024-10-08T08:00:00Z"),
        ("lør, 07 des 2024", "2024-12-07T00:00:00Z"),
        ("søndag den 5. maj 2024 kl. 10:00", "2024-05-05T10:00:00Z"),
        // Polish and Czech, nominative and genitive
        ("wt, 5 mar 2024 10:00:00 +0100", "2024-03-05T09:00:00Z"),
        ("czw, 5 września 2024", "2024-09-05T00:00:00Z"),
        ("5 październik 2024", "2024-10-05T00:00:00Z"),
        ("út, 5 bře 2024 10:00:00 +0100", "2024-03-05T09:00:00Z"),
        ("5 listopadu 2024", "2024-11-05T00:00:00Z"),
        ("1 červen 2024", "2024-06-01T00:00:00Z"),
        ("1 červenec 2024", "2024-07-01T00:00:00Z"),
        // Cyrillic: Russian genitive and abbreviations, Ukrainian, Bulgarian
        ("Вт, 5 марта 2024 г., 10:00", "2024-03-05T10:00:00Z"),
        ("ПН, 15 ЯНВ 2024 10:20:30 +0300", "2024-01-15T07:20:30Z"),
        ("1 января 2024", "2024-01-01T00:00:00Z"),
        ("5 сент. 2024", "2024-09-05T00:00:00Z"),
        ("5 вересня 2024", "2024-09-05T00:00:00Z"),
        ("5 септември 2024", "2024-09-05T00:00:00Z"),
        // Greek
        ("Τρί, 05 Μαρ 2024 10:00:00 +0200", "2024-03-05T08:00:00Z"),
        ("5 Μαΐου 2024", "2024-05-05T00:00:00Z"),
        ("5 ΔΕΚΕΜΒΡΊΟΥ 2024", "2024-12-05T00:00:00Z"),
        // Still unreadable
        ("Mo, 5 Foo 2024", nil),
        ("5 blah 2024", nil),
        ("5 mars mai 2024", nil),
        ("5 janvierx 2024", nil),
        ("5 März", nil),
    ]

    @Test(arguments: localizedCases)
    func parsesLocalized(_ input: String, _ expected: String?) {
        #expect(DateParser.parse(input)?.iso8601UTC == expected, "\(input)")
    }

    /// Two languages must not give one spelling different months: each listed
    /// name reads back as its own month.
    @Test func monthNamesDoNotCollide() {
        for (index, names) in MonthNames.months.enumerated() {
            for name in names {
                let month: Int?
                switch MonthNames.table[MonthNames.fold(name)] {
                case .month(let m)?, .monthOrWeekday(let m)?: month = m
                default: month = nil
                }
                #expect(month == index + 1, "\(name)")
            }
        }
    }

    /// The two layouts nearly every feed writes are read by shortcuts at fixed
    /// offsets; near misses must still mean what the general readers say.
    static let commonLayoutCases: [(String, String?)] = [
        ("Wed, 01 Jan 2025 00:00:09 +0000", "2025-01-01T00:00:09Z"),
        ("01 Jan 2025 00:00:09 +0530", "2024-12-31T18:30:09Z"),
        ("Wed, 01 Jan 2025 00:00:09 -0000", "2025-01-01T00:00:09Z"),
        ("Wed, 01 Jan 2025 00:00:09 +05:30", "2024-12-31T18:30:09Z"),
        ("Wed, 01 Jan 2025 00:00:09 z", "2025-01-01T00:00:09Z"),
        ("Wed, 01 Jan 2025 00:00:09 AKDT", "2025-01-01T08:00:09Z"),
        ("Fri, 13 Sep 2024 10:00:00 NZDT", "2024-09-12T21:00:00Z"),
        ("Wed, 01 Jan 2025 00:00:09 Uhr", "2025-01-01T00:00:09Z"),
        ("Wed, 01 Jan 2025 00:00:09.250 +0000", "2025-01-01T00:00:09Z"),
        ("Wed, 01 Jan 2025 24:00:00 GMT", "2025-01-02T00:00:00Z"),
        ("Mar, 01 Jan 2025 00:00:09 +0000", "2025-01-01T00:00:09Z"),
        ("Wed, 01 Jan 2025 24:00:01 GMT", nil),
        ("Mon, 00 Jan 2025 00:00:09 +0000", nil),
        ("Wed, 01 Jan 2025 00:00:09 +2400", nil),
        ("Wed, 01 Jan 2025 00:00:09 May", nil),
        ("2025-01-01T00:00:09.5Z", "2025-01-01T00:00:09Z"),
        ("2025-01-01T00:00:09.1234567-05:00", "2025-01-01T05:00:09Z"),
        ("2025-01-01T00:00:09 +01:00", "2024-12-31T23:00:09Z"),
        ("2025-01-01T00:00:09+0100", "2024-12-31T23:00:09Z"),
        ("2025-01-01T00:00:09z", "2025-01-01T00:00:09Z"),
        ("2025-01-01t00:00:09Z", "2025-01-01T00:00:09Z"),
        ("2024-02-29T23:59:60Z", "2024-02-29T23:59:59Z"),
        ("2025-01-01T00:00:09+24:00", nil),
        ("2025-02-29T00:00:09Z", nil),
    ]

    @Test(arguments: commonLayoutCases)
    func parsesCommonLayouts(_ input: String, _ expected: String?) {
        #expect(DateParser.parse(input)?.iso8601UTC == expected, "\(input)")
    }

    @Test func keepsFractionalSeconds() {
        let date = DateParser.parse("2024-01-01T00:00:00.25Z")
        #expect(date?.timeIntervalSince1970 == 1_704_067_200.25)
        // Microseconds are kept, finer digits dropped.
        #expect(DateParser.parse("2025-01-01T00:00:09.1234567-05:00")?.timeIntervalSince1970 == 1_735_707_609.123456)
    }
}
