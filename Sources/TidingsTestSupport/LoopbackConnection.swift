import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One accepted connection of a `LoopbackHTTPServer`: reads requests, answers them as the
/// route says, and keeps the connection for the next request while both sides agree.
struct LoopbackConnection {
    let fd: Int32
    let id: Int
    let core: LoopbackServerCore
    private var buffer: [UInt8] = []

    init(fd: Int32, id: Int, core: LoopbackServerCore) {
        self.fd = fd
        self.id = id
        self.core = core
    }

    mutating func serve() {
        while !core.isStopped, let request = readRequest() {
            let response = core.begin(request)
            if response.delay > 0 { pause(response.delay) }
            core.end()
            guard answer(response, to: request) else { return }
        }
    }

    // MARK: Reading

    /// The next request, or nil when the client closed the connection or sent garbage.
    private mutating func readRequest() -> LoopbackRequest? {
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = LoopbackConnection.find([13, 10, 13, 10], in: buffer)
            if headerEnd == nil {
                guard buffer.count < 1 << 20, receive() else { return nil }
            }
        }
        let head = String(decoding: buffer[..<headerEnd!], as: UTF8.self)
        buffer.removeSubrange(..<(headerEnd! + 4))
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first(where: { $0.name.lowercased() == "content-length" }).flatMap { Int($0.value) } ?? 0
        while buffer.count < length {
            guard receive() else { return nil }
        }
        let body = Array(buffer[..<length])
        buffer.removeSubrange(..<length)
        return LoopbackRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body, connection: id)
    }

    private mutating func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard got > 0 else { return false }
        buffer.append(contentsOf: chunk[..<got])
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    // MARK: Answering

    /// Writes the answer; false when the connection must close afterwards.
    private func answer(_ response: LoopbackResponse, to request: LoopbackRequest) -> Bool {
        let body = request.method == "HEAD" ? [] : response.body
        switch response.delivery {
        case .normal:
            let keepAlive = request.header("Connection")?.lowercased() != "close"
                && response.headers.first(where: { $0.key.lowercased() == "connection" })?.value.lowercased() != "close"
            let bodyless = response.status == 304 || response.status == 204 || response.status < 200
            let head = self.head(response, contentLength: bodyless ? nil : response.body.count, keepAlive: keepAlive)
            return send(head + (bodyless ? [] : body)) && keepAlive

        case .hang:
            // Swallow whatever arrives until the client gives up or the server stops.
            var sink = [UInt8](repeating: 0, count: 4096)
            while !core.isStopped, sink.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, 0) }) > 0 {}
            return false

        case .drip(let rate):
            guard send(head(response, contentLength: body.count, keepAlive: false)) else { return false }
            // Small rates: one byte at a time; large ones: ten slices a second.
            let slice = max(1, rate / 10)
            let interval = Double(slice) / Double(max(1, rate))
            var offset = 0
            while offset < body.count, !core.isStopped {
                pause(interval)
                let end = min(body.count, offset + slice)
                guard send(Array(body[offset..<end])) else { return false }
                offset = end
            }
            return false

        case .resetMidBody:
            _ = send(head(response, contentLength: body.count, keepAlive: false) + body.prefix(body.count / 2))
            pause(0.05)
            // SO_LINGER with a zero timeout turns close() into a TCP RST.
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            return false

        case .wrongContentLength:
            _ = send(head(response, contentLength: body.count + 100, keepAlive: false) + body)
            return false

        case .endless:
            guard send(head(response, contentLength: nil, keepAlive: false)) else { return false }
            let chunk = body.isEmpty ? Array(String(repeating: "<item><title>more</title></item>\n", count: 2000).utf8) : body
            while !core.isStopped, send(chunk) {}
            return false

        case .closeWithoutAnswer:
            return false

        case .raw:
            _ = send(response.body)
            return false
        }
    }

    private func head(_ response: LoopbackResponse, contentLength: Int?, keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status) \(LoopbackConnection.reason(response.status))\r\n"
        var hasLength = false
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
            if name.lowercased() == "content-length" { hasLength = true }
            if name.lowercased() == "connection" { continue }
            text += "\(name): \(value)\r\n"
        }
        if !hasLength, let contentLength { text += "Content-Length: \(contentLength)\r\n" }
        text += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        return Array(text.utf8)
    }

    /// Writes everything; false once the peer is gone. MSG_NOSIGNAL: no SIGPIPE for the tests.
    private func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Sleeps in short steps so `stop()` is not held up by a long delay.
    private func pause(_ seconds: Double) {
        let until = Date().addingTimeInterval(seconds)
        while !core.isStopped {
            let left = until.timeIntervalSinceNow
            if left <= 0 { return }
            usleep(useconds_t(min(left, 0.05) * 1_000_000))
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
