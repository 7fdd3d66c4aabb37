import TidingsModel

/// Reads one feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed) into a
/// `ParsedFeed`. Stateless: safe to call from many threads at once.
public enum FeedParser {
    /// Parses one feed document. `documentURL` is where it came from (resolves relative links; may be nil);
    /// `contentType` is the HTTP Content-Type header value if any (its charset= counts for encoding).
    public static func parse(_ bytes: [UInt8], documentURL: String?, contentType: String?) throws(FeedParseError) -> ParsedFeed {
        switch FeedSniffer.kind(bytes) {
        case .empty:
            throw FeedParseError.empty
        case .html:
            throw FeedParseError.htmlPage
        case .text:
            throw FeedParseError("not a feed: the document is neither XML nor JSON")
        case .json:
            return try JSONFeedParser.parse(bytes, documentURL: documentURL)
        case .xml:
            return try parseXML(bytes, documentURL: documentURL, contentType: contentType)
        }
    }

    private static func parseXML(_ bytes: [UInt8], documentURL: String?, contentType: String?) throws(FeedParseError) -> ParsedFeed {
        let (encoding, encodingNotes) = FeedSniffer.encoding(bytes, contentType: contentType)
        var input = bytes
        var repairs = encodingNotes
        if encoding == "UTF-8", input.starts(with: [0xEF, 0xBB, 0xBF]) {
            input.removeFirst(3) // forced UTF-8: libxml2 would read the BOM as text
        }
        // Both repairs work on the bytes of ASCII-compatible encodings only.
        let asciiCompatible = FeedSniffer.isASCIICompatible(bytes)
        let readAsUTF8 = asciiCompatible && (encoding == nil || encoding == "UTF-8")
        // Each repair is tried at most once, so at most three passes.
        var untried = asciiCompatible ? InputRepair.all : []
        while true {
            let handler = FeedHandler(documentURL: documentURL.flatMap(TextCleaning.trimmed), documentSize: input.count)
            let outcome = SAXParser.parse(input, forcedEncoding: encoding, delegate: handler, stopFor: untried)
            if let needed = outcome.repairNeeded {
                untried.removeAll { $0 == needed }
                if let fix = repair(needed, input, readAsUTF8: readAsUTF8) {
                    input = fix.bytes
                    repairs.append(fix.note)
                }
                // Parsed again either way: unrepaired, libxml2 recovers as it can.
                continue
            }
            if let failure = handler.failure { throw failure }
            guard let format = handler.format else {
                let reason = outcome.warnings.first.map { " (\($0))" } ?? ""
                throw FeedParseError("not a feed: no XML element found\(reason)")
            }
            let entries = handler.finish()
            return handler.feed.build(format: format, entries: entries, warnings: repairs + outcome.warnings + handler.warnings)
        }
    }

    private static func repair(_ needed: InputRepair, _ input: [UInt8], readAsUTF8: Bool) -> (bytes: [UInt8], note: String)? {
        switch needed {
        case .bareAmpersand:
            return AmpersandRepair.repair(input).map {
                ($0.bytes, "line \($0.firstLine): bare '&' read as text (not well-formed XML)")
            }
        case .invalidUTF8:
            guard readAsUTF8 else { return nil }
            return UTF8Repair.repair(input).map {
                ($0.bytes, "line \($0.firstLine): bytes that are not UTF-8 read as windows-1252")
            }
        }
    }
}
