import CCurl
import CTidingsShims

/// One reusable transfer slot: an easy handle configured once with the fetcher's limits, plus
/// the state of the request it is currently running. Slots are recycled between requests so
/// a warm sync of a thousand feeds creates a handful of handles, not a thousand.
///
/// libcurl calls back into the slot (body bytes, header lines) through the opaque pointer set
/// once in `init`; the slot is kept alive by its `FetchSession`.
final class Transfer {
    let easy: CurlEasy
    private let maxBodyBytes: Int

    // State of the current request; cleared by `recycle()`.
    private(set) var requestIndex = 0
    private(set) var host = 0
    private(set) var hostKey = ""
    private(set) var url = ""
    private(set) var body: [UInt8] = []
    /// Decoded bytes received for the current response, kept or not.
    private var received = 0
    /// Set when the write callback refused bytes beyond `maxBodyBytes`.
    private(set) var bodyTooLarge = false
    /// The status line of every response seen, in order: redirect hops, then the final one
    /// (and a proxy's CONNECT answer, which is never a 3xx).
    private(set) var statuses: [Int] = []
    private var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer: UnsafeMutablePointer<CChar>

    init?(limits: FetchLimits, userAgent: String) {
        guard let easy = CurlEasy() else { return nil }
        self.easy = easy
        self.maxBodyBytes = limits.maxBodyBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        configure(limits: limits, userAgent: userAgent)
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure(limits: FetchLimits, userAgent: String) {
        // Signals and threads do not mix; without this, a DNS timeout uses SIGALRM.
        easy.set(.noSignal, true)
        easy.set(.userAgent, userAgent)
        // "" = every encoding this libcurl decodes (gzip, deflate, br, zstd), decoded for us.
        easy.set(.acceptEncoding, "")
        // Never let a feed URL or a redirect reach file://, ftp://, gopher:// …
        easy.set(.protocols, "http,https")
        easy.set(.redirectProtocols, "http,https")
        easy.set(.followLocation, true)
        easy.set(.maxRedirects, limits.maxRedirects)
        easy.set(.connectTimeoutMS, Int(limits.connectTimeout * 1000))
        easy.set(.timeoutMS, Int(limits.totalTimeout * 1000))
        easy.set(.lowSpeedLimit, limits.lowSpeedLimit)
        easy.set(.lowSpeedTime, max(1, Int(limits.lowSpeedTime.rounded(.up))))
        // A declared Content-Length over the limit fails before any byte is read.
        easy.set(.maxFileSize, Int64(limits.maxBodyBytes))
        // No CURLOPT_PIPEWAIT: on plain http it makes every later request to a host wait for
        // the first response on its connection, so one hanging feed stalled its whole host.
        easy.set(.errorBuffer, UnsafeMutableRawPointer(errorBuffer))

        let me = Unmanaged.passUnretained(self).toOpaque()
        easy.set(.privateData, me)
        easy.set(.writeData, me)
        easy.set(.headerData, me)
        easy.set(.write) { data, size, count, context in
            guard let data, let context else { return 0 }
            return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().receiveBody(data, size * count)
        }
        easy.set(.header) { data, size, count, context in
            guard let data, let context else { return 0 }
            return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().receiveHeader(data, size * count)
        }
    }

    /// Points the slot at a request. Only the per-request options change; the rest stays.
    func prepare(_ request: FetchRequest, index: Int, host: Int, hostKey: String) {
        requestIndex = index
        self.host = host
        self.hostKey = hostKey
        url = request.url
        errorBuffer[0] = 0
        easy.set(.url, request.url)
        easy.set(.verifyPeer, request.verifyTLS)
        easy.set(.verifyHost, request.verifyTLS ? 2 : 0)
        // Validators go back byte for byte: nginx's weak W/"…" ETags only match verbatim.
        if let etag = request.etag, !etag.isEmpty {
            headerList = curl_slist_append(headerList, "If-None-Match: " + Transfer.headerSafe(etag))
        }
        if let lastModified = request.lastModified, !lastModified.isEmpty {
            headerList = curl_slist_append(headerList, "If-Modified-Since: " + Transfer.headerSafe(lastModified))
        }
        easy.setHeaders(headerList)
    }

    /// Clears the request state so the slot can take the next request.
    func recycle() {
        curl_slist_free_all(headerList)
        headerList = nil
        easy.setHeaders(nil)
        body = []
        received = 0
        bodyTooLarge = false
        statuses.removeAll(keepingCapacity: true)
    }

    /// Hands the body over without copying.
    func takeBody() -> [UInt8] {
        defer { body = [] }
        return body
    }

    /// What libcurl wrote into the error buffer for the last failure.
    var curlErrorText: String { String(cString: errorBuffer) }

    private func receiveBody(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        received += count
        if received > maxBodyBytes {
            bodyTooLarge = true
            return 0  // anything but `count` makes libcurl abort with CURLE_WRITE_ERROR
        }
        // An error page's body is of no use to anyone: counted against the limit, not kept.
        if let last = statuses.last, last >= 400 { return count }
        body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
        return count
    }

    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        // Only status lines matter here ("HTTP/1.1 301 Moved Permanently", "HTTP/2 308 ");
        // single headers are read after the transfer with curl_easy_header.
        guard count >= 12, data[0] == 0x48 /* H */ else { return count }
        data.withMemoryRebound(to: UInt8.self, capacity: count) { line in
            guard line[1] == UInt8(ascii: "T"), line[2] == UInt8(ascii: "T"), line[3] == UInt8(ascii: "P"), line[4] == UInt8(ascii: "/") else { return }
            var i = 5
            while i < count, line[i] != UInt8(ascii: " ") { i += 1 }
            guard i + 3 < count else { return }
            var code = 0
            for j in (i + 1)...(i + 3) {
                let digit = line[j] &- UInt8(ascii: "0")
                guard digit < 10 else { return }
                code = code * 10 + Int(digit)
            }
            // 1xx interim answers (100 Continue, 103 Early Hints) are not hops.
            if code >= 200 { statuses.append(code) }
        }
        return count
    }

    /// A header value must not smuggle a line break into the request.
    private static func headerSafe(_ value: String) -> String {
        value.contains(where: { $0 == "\r" || $0 == "\n" }) ? String(value.filter { $0 != "\r" && $0 != "\n" }) : value
    }
}
