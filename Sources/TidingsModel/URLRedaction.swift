/// Removes credentials from URLs before they are printed or logged:
/// `https://user:secret@host/feed` → `https://user:***@host/feed`.
public enum URLRedaction {
    public static func redact(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        let userinfo = authority[..<at]
        let user = userinfo.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        let redacted = user.isEmpty ? "***" : "\(user):***"
        return String(url[..<schemeEnd.upperBound]) + redacted + String(rest[at...])
    }
}
