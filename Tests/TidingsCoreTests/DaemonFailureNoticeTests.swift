import Foundation
import Testing
@testable import TidingsStore
@testable import TidingsCore

@Suite struct DaemonFailureNoticeTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let day: TimeInterval = 86400

    func record(failingFor: TimeInterval?, gone: Bool = false) -> FeedRecord {
        FeedRecord(id: 1, url: "https://example.org/feed", lastError: "HTTP 500", lastErrorStage: "fetch",
                   failingSince: failingFor.map { now.addingTimeInterval(-$0) }, consecutiveFailures: failingFor == nil ? 0 : 5,
                   entryCount: 0, goneSince: gone ? now : nil)
    }

    @Test(arguments: [
        // (failing for, already noticed, gone, expected)
        (nil as TimeInterval?, false, false, nil as FailureNotice.Kind?),
        (3600, false, false, nil),                // failing, but not for long: quiet
        (86400, false, false, .failing),           // past the threshold: one notice
        (3 * 86400, true, false, nil),              // already told: quiet
        (nil, true, false, .recovered),             // works again after a notice
        (60, false, true, .failing),                // 410 Gone is not retried: tell now
    ] as [(TimeInterval?, Bool, Bool, FailureNotice.Kind?)])
    func decides(_ failingFor: TimeInterval?, _ noticed: Bool, _ gone: Bool, _ expected: FailureNotice.Kind?) {
        let decision = FailureNotice.decide(record: record(failingFor: failingFor, gone: gone),
                                            noticeAt: noticed ? now.addingTimeInterval(-day) : nil, now: now, threshold: day)
        #expect(decision == expected)
    }

    @Test func theNoticeNamesTheFeedTheLineTheErrorAndWhatToDo() {
        let source = FeedSource(url: "https://user:secret@example.org/feed", title: "Example <News>", file: "/etc/tidings/feeds.txt", line: 7)
        let article = FailureNotice.article(.failing, source: source, record: record(failingFor: 2 * day), noticeAt: nil, now: now)
        let html = article.entry.content?.string ?? ""
        #expect(article.entry.title?.hasPrefix("Feed failing since ") == true)
        #expect(html.contains("Example &lt;News&gt;"))
        #expect(html.contains("line 7 of feeds.txt"))
        #expect(html.contains("fetch: HTTP 500"))
        #expect(html.contains("systemctl reload tidings"))
        #expect(!html.contains("secret") && !article.feedURL.contains("secret"), "credentials are never shown")
    }
}
