import TidingsModel
import TidingsParse

// libFuzzer entry point: every input is one downloaded document. The first
// byte picks the context the parser gets (document URL and HTTP charset), so
// the fuzzer also reaches relative-URL resolution and forced encodings.
private let contentTypes: [String?] = [
    nil, "application/rss+xml", "text/xml; charset=utf-8", "text/xml; charset=windows-1252",
    "text/xml; charset=shift_jis", "text/xml; charset=gb2312", "text/xml; charset=utf-16",
    "application/xml; charset=\"iso-8859-1\"",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let url: String? = selector & 0x80 == 0 ? "http://example.org/dir/feed.xml" : nil
    let contentType = contentTypes[selector & 0x07]
    guard let feed = try? FeedParser.parse(bytes, documentURL: url, contentType: contentType) else { return 0 }
    // Bodies skip String validation on the promise that libxml2 checked every
    // byte (UTF8Text): hold the parser to it, on every input.
    for entry in feed.entries {
        for body in [entry.summary, entry.content] {
            if let body, !body.withUnsafeBufferPointer(UTF8Validation.isValid) {
                fatalError("entry body is not valid UTF-8: \(body.bytes.prefix(64))")
            }
        }
    }
    return 0
}

// SwiftPM links an executable target with `main` defined as `FuzzParse_main`,
// which shadows libFuzzer's own `main`; so provide that symbol and hand over to
// libFuzzer's driver, which parses the usual libFuzzer flags.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzParse_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv) { fuzzOneInput($0, $1) }
}
