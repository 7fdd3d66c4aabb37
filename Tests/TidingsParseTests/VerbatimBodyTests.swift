import Foundation
import Testing
import TidingsModel
@testable import TidingsParse

/// Bodies that stand verbatim in the document are kept as slices of it
/// (`TextSink`); every way a body can be split into pieces must still read
/// exactly as if it had been copied.
@Suite struct VerbatimBodyTests {
    private func content(_ body: String, encoding: String = "UTF-8") throws -> UTF8Text? {
        let document = """
            <?xml version="1.0" encoding="\(encoding)"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
            <item><title>x</title><content:encoded>\(body)</content:encoded></item></channel></rss>
            """
        return try FeedParser.parse(Array(document.utf8), documentURL: nil, contentType: nil).entries.first?.content
    }

    /// A slice of a larger buffer starts past index 0; a copy starts at 0.
    private func isShared(_ text: UTF8Text?) -> Bool { (text?.bytes.startIndex ?? 0) > 0 }

    @Test(arguments: [
        // (as written in <content:encoded>, the body expected)
        ("<![CDATA[<p>Hello</p>]]>", "<p>Hello</p>"),
        ("\n\t\t<![CDATA[<p>Hello</p>]]>\n\t", "<p>Hello</p>"),
        ("<![CDATA[<p>a</p>]]>\n  <![CDATA[<p>b</p>]]>", "<p>a</p>\n  <p>b</p>"),
        ("<![CDATA[<p>a</p>]]>tail", "<p>a</p>tail"),
        ("head<![CDATA[<p>a</p>]]>", "head<p>a</p>"),
        ("&lt;p&gt;caf\u{E9} &amp; cr\u{E8}me&lt;/p&gt;", "<p>caf\u{E9} & cr\u{E8}me</p>"),
        // libxml2's push parser keeps CR LF inside CDATA (in HTML it is whitespace either way).
        ("<![CDATA[line one\r\nline two]]>", "line one\r\nline two"),
        ("plain text\r\nwith CR LF", "plain text\nwith CR LF"),
        ("<![CDATA[  spaced  ]]>", "spaced"),
        ("<![CDATA[]]>  <![CDATA[<b>x</b>]]>", "<b>x</b>"),
        ("<![CDATA[\u{65E5}\u{672C}\u{8A9E} \u{1F600}]]>", "\u{65E5}\u{672C}\u{8A9E} \u{1F600}"),
    ])
    func bodyReadsAsWritten(_ written: String, _ expected: String) throws {
        #expect(try content(written)?.string == expected)
    }

    @Test func cdataBodySharesTheDocumentBytes() throws {
        let body = try content("\n<![CDATA[<p>\(String(repeating: "long text ", count: 500))</p>]]>\n")
        #expect(isShared(body))
        #expect(body?.string.hasPrefix("<p>long text") == true)
    }

    @Test func decodedBodiesAreCopies() throws {
        // Entities and a re-encoded document cannot be slices of the bytes.
        #expect(!isShared(try content("&lt;p&gt;x&lt;/p&gt;")))
        #expect(!isShared(try content("<![CDATA[<p>caf\u{E9}</p>]]>", encoding: "ISO-8859-1")))
    }

    @Test func verbatimBodyLongerThanTheFieldCapIsTruncated() throws {
        let long = String(repeating: "x", count: (1 << 20) + 5_000)
        let feed = try FeedParser.parse(Array("""
            <rss version="2.0"><channel><item><description><![CDATA[\(long)]]></description></item></channel></rss>
            """.utf8), documentURL: nil, contentType: nil)
        #expect(feed.entries.first?.summary?.bytes.count == 1 << 20)
        #expect(feed.warnings.contains { $0.contains("truncated") })
    }

    @Test func bodiesOfEveryEntryOfALongDocumentAreExact() throws {
        // Long enough that libxml2 shrinks its input buffer many times (offsets move).
        var items = ""
        for i in 0..<2_000 {
            items += "<item><guid>\(i)</guid><description><![CDATA[<p>entry \(i) \(String(repeating: "\u{E9}t\u{E9} ", count: i % 50))</p>]]></description></item>\n"
        }
        let feed = try FeedParser.parse(Array("<rss version=\"2.0\"><channel>\(items)</channel></rss>".utf8),
                                        documentURL: nil, contentType: nil)
        #expect(feed.entries.count == 2_000)
        for (i, entry) in feed.entries.enumerated() {
            #expect(entry.summary?.string == "<p>entry \(i) \(String(repeating: "\u{E9}t\u{E9} ", count: i % 50))</p>")
        }
        #expect(feed.entries.allSatisfy { isShared($0.summary) })
    }

    @Test func shortPiecesAreCopiedExactly() {
        // The text callback copies pieces of up to 16 bytes without a loop.
        let source: [UInt8] = Array(0..<20).map { UInt8($0) + 0x41 }
        for length in 0...16 {
            var target = [UInt8](repeating: 0, count: 20)
            target.withUnsafeMutableBufferPointer { out in
                source.withUnsafeBufferPointer { TextSink.copySmall(out.baseAddress!, $0.baseAddress!, length) }
            }
            #expect(Array(target[..<length]) == Array(source[..<length]), "length \(length)")
            #expect(target[length...].allSatisfy { $0 == 0 }, "length \(length) wrote past the end")
        }
    }

    @Test func entityHeavyBodiesReadExactly() throws {
        // Escaped HTML arrives as many short pieces (each reference is one).
        let html = (0..<300).map { "<p class=\"c\($0)\">caf\u{E9} & \($0) <b>x</b></p>" }.joined()
        let escaped = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        #expect(try content(escaped)?.string == html)
    }
}
