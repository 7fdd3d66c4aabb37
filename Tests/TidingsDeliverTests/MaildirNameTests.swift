import Foundation
import Testing
@testable import TidingsDeliver

@Suite struct MaildirNameTests {
    @Test func uniqueNameHasMaildirShape() {
        let id = MailMessage.messageID(feedURL: "https://x.org/feed", entryKey: "id:1")
        let name = Maildir.uniqueName(messageID: id, at: Date(timeIntervalSince1970: 1_772_532_000.123456))
        let parts = name.split(separator: ".", maxSplits: 3)
        #expect(parts[0] == "1772532000")
        #expect(parts[1].hasPrefix("M123456P\(getpid())Q") || parts[1].hasPrefix("M123455P\(getpid())Q"))
        #expect(parts[2] == id.prefix(16))
        #expect(!name.contains("/") && !name.contains(":"))
        #expect(MaildirName.isValid(name))
    }

    @Test func uniqueNamesDifferForTheSameMessageAndInstant() {
        let at = Date()
        let names = (0..<1000).map { _ in Maildir.uniqueName(messageID: "same@tidings", at: at) }
        #expect(Set(names).count == 1000)
    }

    @Test(arguments: [("host", "host"), ("a/b:c", "a\\057b\\072c")])
    func escapesHostname(host: String, expected: String) {
        #expect(MaildirName.escapeHost(host) == expected)
    }

    @Test(arguments: [("abc:2,S", "abc"), ("abc", "abc"), ("abc:2,", "abc")])
    func baseNameStripsInfo(file: String, expected: String) {
        #expect(MaildirName.baseName(Substring(file)) == expected)
    }

    @Test func hashOfNonHexIDsIsStillHex() {
        let hash = MaildirName.hash16("<not-hex@example.org>")
        #expect(hash.count == 16 && hash.allSatisfy(\.isHexDigit))
    }
}
