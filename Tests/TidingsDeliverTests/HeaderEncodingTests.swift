import Foundation
import Testing
@testable import TidingsDeliver

@Suite struct HeaderEncodingTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("  a \r\n b\t\tc  ", "a b c"),
        ("x\u{0}y", "x y"),
        ("x\u{2028}y\u{85}z", "x y z"),
        ("no\u{A0}break", "no break"),
    ])
    func sanitizes(input: String, expected: String) {
        #expect(HeaderEncoding.sanitized(input) == expected)
    }

    @Test(arguments: [("ascii", false), ("café", true), ("a =?x", true), ("a = ?", false)])
    func needsEncoding(input: String, expected: Bool) {
        #expect(HeaderEncoding.needsEncoding(input) == expected)
    }

    @Test func shortASCIISubjectIsOneLine() {
        #expect(HeaderEncoding.unstructured("Subject", "Hello world") == "Subject: Hello world\n")
    }

    @Test func foldsAtSpacesWithinLimit() {
        let text = (1...30).map { "w\($0)" }.joined(separator: " ")
        let header = HeaderEncoding.unstructured("Subject", text)
        #expect(header.split(separator: "\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(header.replacingOccurrences(of: "\n ", with: " ") == "Subject: " + text + "\n")
    }

    @Test(arguments: ["中文标题", "🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵", String(repeating: "é", count: 200)])
    func encodedWordsDecodeBack(text: String) throws {
        let encoded = HeaderEncoding.encodedWords(text, firstLineUsed: 9)
        var decoded = Data()
        for word in encoded.components(separatedBy: "\n ") {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(word.utf8.count <= 75)
            let payload = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            #expect(String(data: payload, encoding: .utf8) != nil)
            decoded.append(payload)
        }
        #expect(String(data: decoded, encoding: .utf8) == text)
    }

    @Test(arguments: [
        ("Example", #""Example""#),
        (#"Say "hi" \ o"#, #""Say \"hi\" \\ o""#),
        ("Feed, Inc. <x>", #""Feed, Inc. <x>""#),
        ("Café", "=?UTF-8?B?Q2Fmw6k=?="),
    ])
    func phrases(name: String, expected: String) {
        #expect(HeaderEncoding.phrase(name, firstLineUsed: 6) == expected)
    }

    @Test func percentEncodesNonPrintable() {
        #expect(HeaderEncoding.percentEncodedASCII("a b\u{7F}é") == "a%20b%7F%C3%A9")
    }
}
