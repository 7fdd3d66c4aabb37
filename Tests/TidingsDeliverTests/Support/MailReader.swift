import Foundation
import TidingsTestSupport

/// What Python's `email` package (policy.default) reads from a message: the independent MIME
/// parser every rendered message is checked against. See Fixtures/read-mail.py.
struct MailSummary: Decodable {
    struct Part: Decodable {
        var type: String
        var charset: String?
        var encoding: String?
        var text: String
    }

    var headers: [[String]]
    var contentType: String
    var boundary: String?
    var parts: [Part]
    var defects: [String]
    var longestLine: Int
    var hasCR: Bool
    var file: String?

    func header(_ name: String) -> String? { headers(name).first }
    func headers(_ name: String) -> [String] {
        headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
    }
    var plain: String? { parts.first(where: { $0.type == "text/plain" })?.text }
    var html: String? { parts.first(where: { $0.type == "text/html" })?.text }
}

struct MaildirSummary: Decodable {
    var new: [MailSummary]
    var cur: [MailSummary]
    var tmp: [String]
}

enum MailReader {
    static let script = TestSupport.testsPath("TidingsDeliverTests/Fixtures/read-mail.py")

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ message: [UInt8]) throws -> MailSummary {
        let dir = TemporaryDirectory("tidings-mail")
        let file = dir.file("message.eml")
        try Data(message).write(to: URL(fileURLWithPath: file))
        return try JSONDecoder().decode(MailSummary.self, from: run(file))
    }

    static func readMaildir(_ path: String) throws -> MaildirSummary {
        try JSONDecoder().decode(MaildirSummary.self, from: run(path))
    }

    private static func run(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "read-mail.py failed (\(process.terminationStatus)): \(errorText)")
        }
        return data
    }
}
