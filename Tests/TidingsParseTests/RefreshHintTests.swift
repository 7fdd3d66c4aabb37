import Foundation
import Testing
import TidingsModel
import TidingsParse

/// `<ttl>` and `sy:updatePeriod`/`sy:updateFrequency`, read into `ParsedFeed.ttl`
/// (the daemon's scheduling hint).
@Suite struct RefreshHintTests {
    private func interval(_ channelXML: String, root: String = "rss") -> TimeInterval? {
        let doc = root == "rss"
            ? "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel><title>t</title>\(channelXML)</channel></rss>"
            : "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><title>t</title>\(channelXML)</feed>"
        return try? FeedParser.parse(Array(doc.utf8), documentURL: nil, contentType: nil).ttl
    }

    @Test func ttlInMinutes() { #expect(interval("<ttl> 60 </ttl>") == 3600) }
    @Test func ttlBeatsSyndication() { #expect(interval("<ttl>5</ttl><sy:updatePeriod>daily</sy:updatePeriod>") == 300) }
    @Test func hourlyTwice() {
        #expect(interval("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>") == 1800)
    }
    @Test func periodDefaultsToDaily() { #expect(interval("<sy:updateFrequency>4</sy:updateFrequency>") == 21600) }
    @Test func atomFeedsUseSyndicationToo() { #expect(interval("<sy:updatePeriod>weekly</sy:updatePeriod>", root: "atom") == 604_800) }
    @Test func nothingOrNonsense() {
        #expect(interval("") == nil)
        #expect(interval("<ttl>soon</ttl>") == nil)
        #expect(interval("<ttl>0</ttl>") == nil)
        #expect(interval("<sy:updatePeriod>fortnightly</sy:updatePeriod>") == nil)
    }
    @Test func itemTTLIsIgnored() { #expect(interval("<item><ttl>5</ttl></item>") == nil) }
}

/// RSS `<skipHours>`/`<skipDays>`: the hours (GMT) and days the publisher asks not to be polled.
@Suite struct SkipHoursTests {
    private func parse(_ channelXML: String) throws -> ParsedFeed {
        let doc = "<rss version=\"2.0\"><channel><title>t</title>\(channelXML)<item><title>i</title></item></channel></rss>"
        return try FeedParser.parse(Array(doc.utf8), documentURL: nil, contentType: nil)
    }

    @Test func hoursAndDaysAreRead() throws {
        let feed = try parse("<skipHours><hour>0</hour><hour> 23 </hour><hour>24</hour></skipHours><skipDays><day>Saturday</day><day>sunday</day></skipDays>")
        #expect(feed.skipHours == [0, 23])
        #expect(feed.skipDays == [0, 6])
        #expect(feed.entries.count == 1, "the item after them is still read")
    }

    @Test func nonsenseIsIgnored() throws {
        let feed = try parse("<skipHours><hour>noon</hour><hour>30</hour></skipHours><skipDays><day>Caturday</day></skipDays>")
        #expect(feed.skipHours.isEmpty)
        #expect(feed.skipDays.isEmpty)
    }

    @Test func hourElementsOutsideSkipHoursMeanNothing() throws {
        #expect(try parse("<hour>3</hour><day>Monday</day>").skipHours.isEmpty)
    }
}
