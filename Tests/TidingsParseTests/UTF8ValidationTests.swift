import Testing
import TidingsModel

/// The fast validator behind `UTF8Text` must agree with the standard library's
/// on every input: a wrong "valid" would let broken bytes into mail and pages.
@Suite struct UTF8ValidationTests {
    static let cases: [(String, [UInt8], Bool)] = [
        ("empty", [], true),
        ("ASCII over several words", Array("Hello, world — no, ASCII only: abcdefghijklmnop".utf8.filter { $0 < 0x80 }), true),
        ("two-byte é", [0x63, 0x61, 0x66, 0xC3, 0xA9], true),
        ("three-byte 漫", [0xE6, 0xBC, 0xAB], true),
        ("four-byte emoji", [0xF0, 0x9F, 0x98, 0x80], true),
        ("U+10FFFF", [0xF4, 0x8F, 0xBF, 0xBF], true),
        ("overlong slash C0 AF", [0xC0, 0xAF], false),
        ("overlong three-byte E0 80 AF", [0xE0, 0x80, 0xAF], false),
        ("surrogate ED A0 80", [0xED, 0xA0, 0x80], false),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80], false),
        ("F5 lead", [0xF5, 0x80, 0x80, 0x80], false),
        ("lone continuation", [0x41, 0x80, 0x41], false),
        ("truncated at end", [0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xE6, 0xBC], false),
        ("windows-1252 quote", Array("It".utf8) + [0x92] + Array("s fine".utf8), false),
        ("bad byte after eight ASCII", Array("abcdefgh".utf8) + [0xFF], false),
        ("continuation missing mid-sequence", [0xE6, 0x41, 0xAB], false),
    ]

    @Test(arguments: cases)
    func agreesWithTheStandardLibrary(_ name: String, _ bytes: [UInt8], _ valid: Bool) {
        #expect(UTF8Validation.isValid(bytes) == valid, "\(name)")
        #expect((String(validating: bytes, as: UTF8.self) != nil) == valid, "\(name): the table itself is right")
    }

    @Test func agreesOnRandomMixesOfValidAndInvalidBytes() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("abcdefghij".utf8), [0xC3, 0xA9], [0xE6, 0xBC, 0xAB], [0xF0, 0x9F, 0x98, 0x80],
                                 [0x80], [0xC3], [0xED, 0xA0, 0x80], [0xFF], [0x20]]
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += pieces.randomElement(using: &generator)!
            }
            #expect(UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test func textRepairsWhatIsNotUTF8() {
        let text = UTF8Text(repairing: Array("It".utf8) + [0x92] + Array("s".utf8))
        #expect(text.string == "It\u{FFFD}s")
        #expect(text.withUnsafeBufferPointer(UTF8Validation.isValid))
    }
}
