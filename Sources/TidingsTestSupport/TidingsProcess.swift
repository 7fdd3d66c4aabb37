import Foundation

/// Runs the built `tidings` binary as a user would, for end-to-end tests
/// (argument-parser's example tests do the same with their executables).
public struct TidingsProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// True when the process was ended by a signal (e.g. a test's SIGKILL).
        public var signalled: Bool
    }

    /// `tidings` beside the test bundle: `swift build` puts products and the test
    /// bundle in the same directory.
    public static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("tidings").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        let fallback = TestSupport.packageRoot + "/.build/debug/tidings"
        return fallback
    }()

    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    public let process = Process()
    private let out = Pipe()
    private let err = Pipe()

    /// Starts `tidings ARGS` with `environment` added to a clean HOME-less environment.
    public init(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws {
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TIDINGS_FAILPOINT"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for the end and collects output.
    public func wait() -> Outcome {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self),
            signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Runs to completion.
    public static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> Outcome {
        try TidingsProcess(arguments, environment: environment, directory: directory).wait()
    }
}

/// Reads delivered mail back with Python's `email` package, a real MIME parser.
public enum MailDirReader {
    public struct Message: Decodable, Sendable {
        public var headers: [[String]]
        public var contentType: String
        public var parts: [Part]
        public var defects: [String]
        public var file: String?

        public func header(_ name: String) -> String? {
            headers.first { $0.first?.lowercased() == name.lowercased() }?.last
        }

        public var subject: String? { header("Subject") }
        public var messageID: String? { header("Message-ID") }
    }

    public struct Part: Decodable, Sendable {
        public var type: String
        public var text: String
    }

    public struct Listing: Decodable, Sendable {
        public var new: [Message]
        public var cur: [Message]
        public var tmp: [String]
        public var all: [Message] { new + cur }
    }

    public static let script = TestSupport.testsPath("TidingsDeliverTests/Fixtures/read-mail.py")

    public static func read(maildir: String) throws -> Listing {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, maildir]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Listing.self, from: data)
    }
}
