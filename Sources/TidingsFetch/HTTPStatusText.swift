/// Reason phrases and advice for HTTP error statuses. The phrase comes from this table, not
/// the server (HTTP/2 sends none, and some servers send nonsense).
enum HTTPStatusText {
    static func reason(_ status: Int) -> String {
        switch status {
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 305: "Use Proxy"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 407: "Proxy Authentication Required"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 414: "URI Too Long"
        case 418: "I'm a teapot"
        case 421: "Misdirected Request"
        case 429: "Too Many Requests"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 520...527: "Cloudflare Error"
        default:
            switch status {
            case 300..<400: "Redirect"
            case 400..<500: "Client Error"
            default: "Server Error"
            }
        }
    }

    /// What the user should do about it.
    static func advice(_ status: Int) -> String {
        switch status {
        case 300..<400: "the server redirects without saying where; check the URL in a browser"
        case 401: "the feed needs a login; put user:password@ in the URL"
        case 403: "the server refuses access; the feed may be private or block feed readers"
        case 404: "the feed is not at this address; check the URL"
        case 407: "the proxy needs a login; check the proxy settings"
        case 410: "the feed was removed for good; remove it from the feed list"
        case 429: "the server asks to fetch less often; it will be retried later"
        case 451: "the feed is blocked in this region"
        case 400..<500: "the server rejected the request; check the URL"
        case 503: "the server is unavailable for now; it will be retried later"
        default: "the server failed; it will be retried later"
        }
    }

    /// "HTTP 404 Not Found: the feed is not at this address; check the URL"
    static func message(_ status: Int) -> String {
        "HTTP \(status) \(reason(status)): \(advice(status))"
    }
}
