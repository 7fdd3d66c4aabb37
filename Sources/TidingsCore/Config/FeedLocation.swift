import TidingsModel
import Foundation

/// What a feed's first word may be: an `http(s)://` URL, a `file://` URL, or a path.
enum FeedLocation {
    enum Resolution {
        case success(String)
        case failure(String)
    }

    static func resolve(_ text: String, baseDirectory: String) -> Resolution {
        if let schemeEnd = text.range(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            switch scheme {
            case "http", "https":
                let rest = text[schemeEnd.upperBound...]
                let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
                if host.isEmpty || host.hasSuffix("@") { return .failure("\(URLRedaction.redact(text)) has no host name") }
                if text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }) {
                    return .failure("the URL contains a space or control character; percent-encode it (%20)")
                }
                return .success(text)
            case "file":
                let path = String(text[schemeEnd.upperBound...])
                guard path.hasPrefix("/") else { return .failure("file:// URLs need an absolute path: file:///path/to/feed.xml") }
                return .success(path.removingPercentEncoding ?? path)
            default:
                return .failure("unsupported URL scheme '\(scheme)'; use http://, https://, file:// or a path")
            }
        }
        if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter }), !text.hasPrefix("/") {
            let scheme = text[..<colon]
            return .failure("'\(scheme):' feeds (newsboat's exec:/filter:) are not supported; use an http(s) URL or a path")
        }
        let expanded = text.hasPrefix("~/") ? NSHomeDirectory() + text.dropFirst() : text
        let path = expanded.hasPrefix("/") ? expanded : (baseDirectory as NSString).appendingPathComponent(expanded)
        let looksLikeHost = !text.hasPrefix(".") && !text.hasPrefix("/") && !text.hasPrefix("~")
            && (text.split(separator: "/").first?.contains(".") ?? false)
            && !FileManager.default.fileExists(atPath: path)
        if looksLikeHost {
            return .failure("'\(text)' has no scheme and no such file exists; did you mean https://\(text) ?")
        }
        return .success((path as NSString).standardizingPath)
    }
}
