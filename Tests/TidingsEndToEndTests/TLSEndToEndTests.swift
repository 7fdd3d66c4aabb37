import Foundation
import Testing
import TidingsTestSupport

/// HTTPS against a real TLS server on 127.0.0.1 (`openssl s_server -WWW`, a
/// self-signed certificate made for the test): certificate verification is on
/// by default and says what to do when it fails, and `tls-verify=no` on one
/// feed's line turns it off for that feed only, with a warning.
@Suite(.serialized) struct TLSEndToEndTests {
    @Test func selfSignedCertificateIsRefusedUnlessTheFeedSaysSo() throws {
        let h = try SyncHarness()
        let server = try SelfSignedServer(directory: h.dir.file("www"))
        defer { server.stop() }
        try Data(syntheticFeed(name: "secure", count: 2)).write(to: URL(fileURLWithPath: h.dir.file("www/feed.xml")))
        let url = "https://127.0.0.1:\(server.port)/feed.xml"

        try h.writeFeeds([url])
        let refused = try h.sync(["--timeout", "10"])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("feeds.txt:1: \(url): fetch: TLS error"), "\(refused.stderr)")
        #expect(refused.stderr.contains("certificate"), "\(refused.stderr)")
        #expect(refused.stderr.contains("add tls-verify=no to its line in feeds.txt"), "the error says what to do: \(refused.stderr)")
        #expect(try h.mail().all.isEmpty)

        try h.writeFeeds(["\(url) tls-verify=no"])
        let accepted = try h.sync(["--timeout", "10"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stderr.contains("tls-verify=no"), "a warning names the setting: \(accepted.stderr)")
        #expect(try h.mail().all.compactMap(\.subject).sorted() == ["secure item 0", "secure item 1"])
    }
}

/// `openssl s_server -WWW` serving a directory over TLS with a fresh
/// self-signed certificate for 127.0.0.1. Its output goes nowhere (a full pipe
/// would block it); `stop()` ends it.
private final class SelfSignedServer {
    let port: Int
    private let process = Process()

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                          "-keyout", "\(directory)/key.pem", "-out", "\(directory)/cert.pem", "-days", "1",
                          "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", "\(directory)/cert.pem",
                             "-key", "\(directory)/key.pem", "-WWW", "-quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready when it accepts connections (a few milliseconds; give up after 10 s).
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port) {
            guard Date() < deadline, process.isRunning else {
                stop()
                throw TLSServerError("openssl s_server did not start listening on 127.0.0.1:\(port)")
            }
            usleep(20_000)
        }
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private static func openssl(_ arguments: [String]) throws {
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        tool.arguments = arguments
        tool.standardInput = FileHandle.nullDevice
        tool.standardOutput = FileHandle.nullDevice
        tool.standardError = FileHandle.nullDevice
        do { try tool.run() } catch {
            throw TLSServerError("cannot run /usr/bin/openssl (scripts/install-deps.sh --test installs it): \(error)")
        }
        tool.waitUntilExit()
        guard tool.terminationStatus == 0 else { throw TLSServerError("openssl \(arguments.first ?? "") failed") }
    }

    /// A port nothing listens on now: bind to port 0, read what the kernel chose, close.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TLSServerError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw TLSServerError("no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

private struct TLSServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
