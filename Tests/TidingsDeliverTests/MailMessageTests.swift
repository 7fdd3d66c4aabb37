import Foundation
import Testing
@testable import TidingsDeliver
import TidingsModel

/// Rendered messages read back by Python's email package (policy.default): what a real MIME
/// parser decodes must be exactly what the feed said.
@Suite struct MailMessageTests {
    private func read(_ article: MailArticle) throws -> MailSummary {
        let bytes = MailMessage.render(article)
        let summary = try MailReader.read(bytes)
        #expect(summary.defects == [], "MIME defects")
        #expect(!summary.hasCR)
        #expect(summary.longestLine <= 998)
        return summary
    }

    @Test func asciiTitle() throws {
        let mail = try read(Articles.make())
        #expect(mail.header("Subject") == "Hello, world")
        #expect(mail.header("From") == "Example Blog <tidings@localhost>")
        #expect(mail.header("To") == nil)
        #expect(mail.header("Date") == "Tue, 03 Mar 2026 10:00:00 +0000")
        #expect(mail.header("Message-ID") == "<\(MailMessage.messageID(feedURL: "https://blog.example.org/feed.xml", entryKey: "id:tag:example.org,2026:hello"))>")
        #expect(mail.header("MIME-Version") == "1.0")
        #expect(mail.header("Archived-At") == "<https://blog.example.org/posts/hello>")
        #expect(mail.header("X-RSS-URL") == "https://blog.example.org/posts/hello")
        #expect(mail.header("X-RSS-Feed") == "https://blog.example.org/feed.xml")
        #expect(mail.header("X-Tidings-Entry") == "id:tag:example.org,2026:hello")
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(mail.parts.allSatisfy { $0.charset == "utf-8" })
    }

    @Test func listIdIsValidRFC2919() throws {
        let mail = try read(Articles.make())
        let listID = try #require(mail.header("List-Id"))
        #expect(listID.hasPrefix("\"Example Blog\" <blog-example-org."))
        #expect(listID.hasSuffix(".tidings>"))
        let id = listID.split(separator: "<").last!.dropLast()
        // dot-atom-text: atext runs separated by single dots.
        #expect(id.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        })
    }

    @Test func messageIDIsStableAndHex() {
        let a = MailMessage.messageID(feedURL: "https://x.org/feed", entryKey: "id:1")
        #expect(a == MailMessage.messageID(feedURL: "https://x.org/feed", entryKey: "id:1"))
        #expect(a != MailMessage.messageID(feedURL: "https://x.org/feed", entryKey: "id:2"))
        #expect(a != MailMessage.messageID(feedURL: "https://y.org/feed", entryKey: "id:1"))
        #expect(a.hasSuffix("@tidings"))
        let local = a.dropLast("@tidings".count)
        #expect(local.count == 64 && local.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func chineseTitleAndBody() throws {
        let body = "<p>这是一个中文段落，包含<strong>重要</strong>内容。</p><p>第二段：你好，世界！</p>"
        let mail = try read(Articles.make(title: "中文标题：订阅新闻", content: body, feedTitle: "阮一峰的网络日志"))
        #expect(mail.header("Subject") == "中文标题：订阅新闻")
        #expect(mail.header("From") == "阮一峰的网络日志 <tidings@localhost>")
        let plain = try #require(mail.plain)
        #expect(plain.contains("这是一个中文段落，包含重要内容。\n\n第二段：你好，世界！"))
        #expect(mail.html?.contains("<strong>重要</strong>") == true)
        #expect(mail.parts.first?.encoding == "base64")  // mostly non-ASCII
    }

    @Test(arguments: [
        "👩‍💻 Coding at night 🇯🇵",
        "👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦",
        "Café déjà vu — “quotes” and naïve résumé",
        "=?UTF-8?B?SGk=?= looks encoded but is literal",
        "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301} combining",
    ])
    func nonASCIITitleRoundTrips(title: String) throws {
        let mail = try read(Articles.make(title: title))
        #expect(mail.header("Subject") == title)
        let raw = String(decoding: MailMessage.render(Articles.make(title: title)), as: UTF8.self)
        let headerBlock = raw.components(separatedBy: "\n\n")[0]
        for line in headerBlock.split(separator: "\n") where !line.hasPrefix("Message-ID:") {
            #expect(line.utf8.count <= 78, "header line too long: \(line)")
        }
        // Each encoded word holds whole grapheme clusters, so it decodes on its own.
        for word in headerBlock.components(separatedBy: "=?UTF-8?B?").dropFirst() {
            let encoded = word.components(separatedBy: "?=")[0]
            #expect(encoded.count + 12 <= 75)
            let decoded = try #require(Data(base64Encoded: encoded))
            #expect(String(data: decoded, encoding: .utf8) != nil, "encoded word splits a character")
        }
    }

    @Test func longTitleIsFolded() throws {
        let title = (1...40).map { "word\($0)" }.joined(separator: " ")
        let bytes = MailMessage.render(Articles.make(title: title))
        let raw = String(decoding: bytes, as: UTF8.self)
        let subjectLines = raw.components(separatedBy: "\nDate:")[0].components(separatedBy: "Subject:")[1]
        #expect(subjectLines.split(separator: "\n").count > 3)
        #expect(subjectLines.split(separator: "\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(try MailReader.read(bytes).header("Subject") == title)
    }

    @Test func longWordTitleIsEncodedToFit() throws {
        let title = String(repeating: "x", count: 300)
        let mail = try read(Articles.make(title: title))
        #expect(mail.header("Subject") == title)
    }

    @Test(arguments: ["Hello\r\nBcc: victim@example.org", "Hi\nBcc: victim@example.org\n\nbody", "A\rB\u{0}C\u{85}D\u{2028}Bcc: x"])
    func headerInjectionStaysInSubject(title: String) throws {
        let mail = try read(Articles.make(title: title, feedTitle: "Feed\r\nBcc: x@example.org"))
        let subject = try #require(mail.header("Subject"))
        #expect(!subject.contains("\n") && !subject.contains("\r"))
        #expect(subject.contains("Bcc:"))
        #expect(mail.headers("Bcc").isEmpty)
        #expect(mail.header("From")?.contains("\n") == false)
        #expect(mail.parts.count == 2)
    }

    @Test func relativeLinksAreAbsoluteInHTML() throws {
        let content = #"<p><a href="../about">About</a> <img src="img/cat.png" alt="A cat"> <a href="//cdn.example.net/x">cdn</a> <a href="https://other.example/">abs</a></p>"#
        let mail = try read(Articles.make(content: content, baseURL: "https://blog.example.org/posts/2026/hello.html"))
        let html = try #require(mail.html)
        #expect(html.contains(#"href="https://blog.example.org/posts/about""#))
        #expect(html.contains(#"src="https://blog.example.org/posts/2026/img/cat.png""#))
        #expect(html.contains(#"href="https://cdn.example.net/x""#))
        #expect(html.contains(#"href="https://other.example/""#))
        #expect(!html.contains(#"href="../about""#))
    }

    @Test func plainTextListsLinkURLs() throws {
        let content = #"<p>Read <a href="/docs">the docs</a> and <a href="https://example.com/">https://example.com/</a>.</p>"#
        let mail = try read(Articles.make(content: content))
        let plain = try #require(mail.plain)
        #expect(plain.contains("Read the docs [1] and https://example.com/."))
        #expect(plain.contains("[1] https://blog.example.org/docs"))
        #expect(plain.contains("Article: https://blog.example.org/posts/hello"))
    }

    @Test func enclosuresAreListed() throws {
        let enclosures = [
            Enclosure(url: "https://cdn.example.org/ep1.mp3", type: "audio/mpeg", length: 12_345_678),
            Enclosure(url: "https://cdn.example.org/cover.jpg"),
        ]
        let mail = try read(Articles.make(enclosures: enclosures))
        let plain = try #require(mail.plain)
        #expect(plain.contains("Enclosures:\n* https://cdn.example.org/ep1.mp3 (audio/mpeg, 12.3 MB)\n* https://cdn.example.org/cover.jpg"))
        #expect(mail.html?.contains(#"<a href="https://cdn.example.org/ep1.mp3">"#) == true)
    }

    @Test func missingDateUsesFetchedAt() throws {
        let mail = try read(Articles.make(published: nil))
        #expect(mail.header("Date") == "Thu, 01 Jan 2026 00:00:00 +0000")
    }

    @Test func scriptsAndHandlersAreRemoved() throws {
        let content = #"<p onclick="steal()">Hi<script>alert("x")</script><style>p{}</style> <a href="javascript:alert(1)">bad</a> <img src=x onerror=alert(1)></p>"#
        let mail = try read(Articles.make(content: content))
        let html = try #require(mail.html)
        #expect(!html.contains("script"))
        #expect(!html.contains("alert"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("onerror"))
        let plain = try #require(mail.plain)
        #expect(!plain.contains("alert"))
        #expect(!plain.contains("p{}"))
    }

    @Test func entryWithoutContentIsPlainTextOnly() throws {
        let mail = try read(Articles.make(content: nil, summary: nil))
        #expect(mail.contentType == "text/plain")
        #expect(mail.parts.count == 1)
        let plain = try #require(mail.plain)
        #expect(plain.hasPrefix("Hello, world\n"))
        #expect(plain.contains("Article: https://blog.example.org/posts/hello"))
    }

    @Test func summaryIsUsedWhenContentIsMissing() throws {
        let mail = try read(Articles.make(content: nil, summary: "<p>Just the summary</p>"))
        #expect(mail.plain?.hasPrefix("Just the summary") == true)
        #expect(mail.html?.contains("<p>Just the summary</p>") == true)
    }

    @Test func untitledAndCategories() throws {
        let mail = try read(Articles.make(title: "  ", categories: ["Swift", "Linux", "日本語"]))
        #expect(mail.header("Subject") == "(untitled)")
        #expect(mail.header("X-RSS-Tags") == "Swift, Linux, 日本語")
    }

    @Test func veryLongLinesAndURLsStayWithinLimits() throws {
        let longURL = "https://example.org/" + String(repeating: "a", count: 2000)
        let content = "<p>" + String(repeating: "long line ", count: 500) + "</p><p><a href=\"\(longURL)\">x</a></p>"
        let mail = try read(Articles.make(content: content, link: longURL))
        #expect(mail.header("Archived-At") == nil)  // too long for one header line
        #expect(mail.plain?.contains(longURL) == true)
    }

    @Test func boundaryDoesNotAppearInParts() throws {
        let bytes = MailMessage.render(Articles.make())
        let mail = try MailReader.read(bytes)
        let boundary = try #require(mail.boundary)
        #expect(boundary.hasPrefix("=_"))
        for part in mail.parts { #expect(!part.text.contains(boundary)) }
    }

    @Test func nonASCIIURLsArePercentEncodedInHeaders() throws {
        let mail = try read(Articles.make(link: "https://例え.jp/記事 1", feedURL: "https://例え.jp/feed"))
        #expect(mail.header("X-RSS-URL") == "https://%E4%BE%8B%E3%81%88.jp/%E8%A8%98%E4%BA%8B%201")
    }
}
