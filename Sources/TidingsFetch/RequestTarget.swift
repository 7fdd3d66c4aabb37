/// Where a request's bytes come from, decided from the URL text alone. This runs for every
/// feed of every sync, so it scans the string instead of building a Foundation `URL`.
enum RequestTarget: Equatable {
    /// Fetched with libcurl. `host` is `name:port` (lowercased, default port filled in): the
    /// key for the per-host limit and the address named in connection errors.
    case remote(host: String)
    /// Read from disk: a `file://` URL or a plain path.
    case file(path: String)

    init(_ url: String) {
        let utf8 = url.utf8
        guard let schemeEnd = RequestTarget.schemeEnd(utf8) else {
            self = .file(path: url)
            return
        }
        let scheme = String(url[..<schemeEnd]).lowercased()
        let afterScheme = url.index(schemeEnd, offsetBy: 3)
        if scheme == "file" {
            self = .file(path: RequestTarget.filePath(String(url[afterScheme...])))
            return
        }
        self = .remote(host: RequestTarget.hostKey(authorityOf: url[afterScheme...], scheme: scheme))
    }

    /// The index of "://" when the text starts with a URL scheme (RFC 3986: a letter, then
    /// letters, digits, "+", "-", ".").
    private static func schemeEnd(_ utf8: String.UTF8View) -> String.Index? {
        var index = utf8.startIndex
        var count = 0
        while index != utf8.endIndex {
            let byte = utf8[index]
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isOther = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if isLetter || (count > 0 && isOther) {
                count += 1
                index = utf8.index(after: index)
                continue
            }
            guard count > 0, byte == UInt8(ascii: ":") else { return nil }
            let rest = utf8[index...]
            return rest.starts(with: "://".utf8) ? index : nil
        }
        return nil
    }

    private static func hostKey(authorityOf rest: Substring, scheme: String) -> String {
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        var port: Substring = ""
        if authority.first == "[", let close = authority.firstIndex(of: "]") {
            host = authority[...close]  // IPv6 literal keeps its brackets
            let after = authority[authority.index(after: close)...]
            if after.first == ":" { port = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        if port.isEmpty { port = scheme == "https" ? "443" : "80" }
        return "\(host.lowercased()):\(port)"
    }

    /// `file:///a/b%20c` → `/a/b c`; `file://localhost/x` → `/x`.
    private static func filePath(_ rest: String) -> String {
        var path = Substring(rest)
        if !path.hasPrefix("/") {
            // A host part: only the local machine makes sense.
            let slash = path.firstIndex(of: "/") ?? path.endIndex
            path = path[slash...]
        }
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        return percentDecoded(path)
    }

    private static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let high = hexValue(iterator[iterator.startIndex]),
               let low = hexValue(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
