import CCurl
import Foundation
import TidingsModel

extension FetchFailure {
    /// Turns libcurl's result code into something a user can act on. Messages name the host
    /// (never the full URL, which may carry credentials) and say what to do next.
    init(curl code: CURLcode, transfer: Transfer, limits: FetchLimits, timings: FetchTimings) {
        let hostPort = transfer.hostKey
        let hostName = FetchFailure.hostName(hostPort)
        let detail = transfer.curlErrorText
        let kind: Kind
        let message: String
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            kind = .dns
            message = "could not resolve host \(hostName); check the URL and the network"
        case CURLE_COULDNT_RESOLVE_PROXY:
            kind = .dns
            message = "could not resolve the proxy host; check the http_proxy/https_proxy settings"
        case CURLE_COULDNT_CONNECT:
            kind = .connect
            let errno = Int32(transfer.easy.get(.osErrno))
            if errno == ECONNREFUSED {
                message = "connection refused by \(hostPort); the server is down or the port is wrong"
            } else {
                let reason = errno != 0 ? String(cString: strerror(errno)) : detail
                message = "could not connect to \(hostPort) (\(reason)); the server may be down, try again later"
            }
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR:
            kind = .connect
            message = "connection to \(hostPort) failed mid-transfer (\(detail.isEmpty ? "reset" : detail)); try again later"
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timeout
            if detail.hasPrefix("Operation too slow") {
                message = "transfer too slow: under \(limits.lowSpeedLimit) bytes/s for \(FetchFailure.seconds(limits.lowSpeedTime)); the server stalled, try again later"
            } else if detail.hasPrefix("Resolving timed out") {
                message = "timed out after \(FetchFailure.seconds(limits.connectTimeout)) resolving host \(hostName); check the network"
            } else if timings.firstByte == 0, timings.total < limits.totalTimeout * 0.99 {
                // Still connecting (TCP or TLS) when time ran out: that is the connect timeout.
                message = "timed out after \(FetchFailure.seconds(limits.connectTimeout)) connecting to \(hostPort); the server may be down"
            } else {
                message = "timed out after \(FetchFailure.seconds(limits.totalTimeout)); the server is too slow, try again later"
            }
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            kind = .tls
            message = "TLS error with \(hostName): \(detail.isEmpty ? "handshake failed" : detail); "
                + "if the certificate is self-signed and you trust it, add tls-verify=no to its line in feeds.txt"
        case CURLE_WRITE_ERROR where transfer.bodyTooLarge, CURLE_FILESIZE_EXCEEDED:
            kind = .tooLarge
            message = "body larger than \(FetchFailure.size(limits.maxBodyBytes)) limit; this may not be a feed"
        case CURLE_TOO_MANY_REDIRECTS:
            kind = .tooManyRedirects
            message = "more than \(limits.maxRedirects) redirects (a redirect loop?); open the URL in a browser to find the feed's address"
        case CURLE_UNSUPPORTED_PROTOCOL where detail.contains("HTTP"):
            // libcurl reports replies without a valid status line this way ("Received HTTP/0.9
            // when not allowed", "Unsupported HTTP version in response").
            kind = .protocolError
            message = "the server's answer is not valid HTTP (\(detail)); the feed is broken, try again later"
        case CURLE_UNSUPPORTED_PROTOCOL:
            if transfer.easy.get(.redirectCount) > 0 || !transfer.statuses.isEmpty {
                kind = .protocolError
                message = "redirected to an address that is not http or https; only those are followed"
            } else {
                kind = .other
                message = "unsupported URL scheme; use http://, https://, file:// or a file path"
            }
        case CURLE_URL_MALFORMAT:
            kind = .other
            message = "not a valid URL: \(URLRedaction.redact(transfer.url))"
        case CURLE_PARTIAL_FILE:
            kind = .protocolError
            message = "the server closed the connection before sending the whole body (wrong Content-Length?); try again later"
        case CURLE_GOT_NOTHING:
            kind = .protocolError
            message = "the server at \(hostPort) closed the connection without answering; try again later"
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3, CURLE_BAD_CONTENT_ENCODING:
            kind = .protocolError
            message = "the server's answer is not valid HTTP (\(detail)); the feed is broken, try again later"
        default:
            kind = .other
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            message = "fetch failed: \(text) (curl error \(code.rawValue))"
        }
        let status = transfer.easy.get(.responseCode)
        self.init(kind: kind, message: FetchFailure.scrubbed(message, url: transfer.url), status: status > 0 ? status : nil, timings: timings)
    }

    /// Failure for a final error status (4xx, 5xx, or a 3xx that is not followed).
    static func http(_ status: Int, retryAfter: Date?, timings: FetchTimings) -> FetchFailure {
        var message = HTTPStatusText.message(status)
        if let retryAfter, status == 429 || status == 503 {
            message += " (the server asks to wait until \(retryAfter.iso8601UTC))"
        }
        let keepRetryAfter = status == 429 || status == 503 ? retryAfter : nil
        return FetchFailure(kind: .http(status), message: message, retryAfter: keepRetryAfter, status: status, timings: timings)
    }

    /// libcurl's own texts rarely quote the URL, but if one ever does, its password goes.
    static func scrubbed(_ message: String, url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return message }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        guard let at = authority.lastIndex(of: "@") else { return message }
        let userinfo = authority[..<at]
        guard let colon = userinfo.firstIndex(of: ":") else { return message }
        let password = userinfo[userinfo.index(after: colon)...]
        guard !password.isEmpty else { return message }
        return message.replacingOccurrences(of: String(password), with: "***")
    }

    static func hostName(_ hostPort: String) -> String {
        guard let colon = hostPort.lastIndex(of: ":") else { return hostPort }
        return String(hostPort[..<colon])
    }

    /// "60 s", "2.5 s"
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// "20 MB", "512 KB", "1000 bytes"
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}
