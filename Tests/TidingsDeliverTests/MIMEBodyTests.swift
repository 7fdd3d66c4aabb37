import Foundation
import Testing
@testable import TidingsDeliver

@Suite struct MIMEBodyTests {
    private func qp(_ s: String) -> String {
        var out: [UInt8] = []
        MIMEBody.quotedPrintable(Array(s.utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: [
        ("hello", "hello"),
        ("a=b", "a=3Db"),
        ("café", "caf=C3=A9"),
        ("trailing \nspace\t", "trailing=20\nspace=09"),
        ("From me\nFrom", "=46rom me\nFrom"),
        ("crlf\r\nline", "crlf\nline"),
        ("nul\u{0}", "nul=00"),
    ])
    func quotedPrintable(input: String, expected: String) {
        #expect(qp(input) == expected)
    }

    @Test func quotedPrintableSoftBreaksAt76() {
        let encoded = qp(String(repeating: "é", count: 100) + String(repeating: "x", count: 200))
        let lines = encoded.split(separator: "\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        // No escape is cut by a soft break.
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") && !$0.dropLast().hasSuffix("=") || $0.hasSuffix("==") == false })
        let decoded = encoded.replacingOccurrences(of: "=\n", with: "")
        #expect(decoded.hasPrefix("=C3=A9"))
        #expect(decoded.replacingOccurrences(of: "=C3=A9", with: "é") == String(repeating: "é", count: 100) + String(repeating: "x", count: 200))
    }

    @Test(arguments: [(0, ""), (1, "AA=="), (2, "AAA="), (3, "AAAA")])
    func base64Padding(count: Int, expected: String) {
        #expect(Base64.encode([UInt8](repeating: 0, count: count)) == expected)
    }

    @Test func base64LinesMatchFoundation() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var out: [UInt8] = []
        Base64.encodeLines(bytes, into: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 76 })
        #expect(text.replacingOccurrences(of: "\n", with: "") == Data(bytes).base64EncodedString())
    }

    @Test(arguments: [("plain ascii", MIMEBody.Encoding.quotedPrintable), ("中文中文中文", .base64), ("mostly ascii with é", .quotedPrintable)])
    func choosesEncoding(text: String, expected: MIMEBody.Encoding) {
        #expect(MIMEBody.choose(for: Array(text.utf8)) == expected)
    }
}
