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
        let handler = FeedHandler(documentURL: documentURL.flatMap(TextCleaning.trimmed))
        let encoding = FeedSniffer.encodingToForce(bytes, contentType: contentType)
        var input = bytes
        var repairs: [String] = []
        if let label = FeedSniffer.declaredEncoding(bytes), EncodingLabel.iconvName(for: label) == nil {
            repairs.append("unknown encoding \"\(label)\" ignored")
        }
        if FeedSniffer.isASCIICompatible(bytes), let repaired = AmpersandRepair.repair(bytes) {
            input = repaired.bytes
            repairs.append("line \(repaired.firstLine): bare '&' read as text (not well-formed XML)")
        }
        if encoding == "UTF-8", input.starts(with: [0xEF, 0xBB, 0xBF]) {
            input.removeFirst(3) // forced UTF-8: libxml2 would read the BOM as text
        }
        let outcome = SAXParser.parse(input, forcedEncoding: encoding, delegate: handler)
        if let failure = handler.failure { throw failure }
        guard let format = handler.format else {
            let reason = outcome.warnings.first.map { " (\($0))" } ?? ""
            throw FeedParseError("not a feed: no XML element found\(reason)")
        }
        let entries = handler.finish()
        return handler.feed.build(format: format, entries: entries, warnings: repairs + outcome.warnings + handler.warnings)
    }
}
