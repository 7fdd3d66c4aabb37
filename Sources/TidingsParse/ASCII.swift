/// Byte classes the parser tests text against, each defined once. Trimming
/// must agree everywhere (a field's verbatim span is kept only if the blank
/// pieces around it are what trimming would drop), so there is one definition
/// of each kind of white space.
enum ASCII {
    /// XML white space (the S production: space, tab, line feed, carriage
    /// return): what libxml2 treats as blank and what captured fields are trimmed of.
    @inline(__always)
    static func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    /// ASCII whitespace as the WHATWG standards define it: XML's plus form feed.
    /// What URLs and values taken from strings are trimmed of.
    @inline(__always)
    static func isWhitespace(_ b: UInt8) -> Bool { isXMLSpace(b) || b == 0x0C }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// `A`…`Z` lower-cased; every other byte as it is.
    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b }

    /// `bytes` without the XML white space around them.
    @inline(__always)
    static func trimmingXMLSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[trimmedRange(bytes, isXMLSpace)])
    }

    /// The indices of `bytes` without the white space (`isSpace`) around them.
    @inline(__always)
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ isSpace: (UInt8) -> Bool) -> Range<Int> {
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }
}
