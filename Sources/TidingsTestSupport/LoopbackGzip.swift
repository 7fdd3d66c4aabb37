import Foundation

/// gzip for test bodies. Foundation has no gzip and zlib is not a Swift module here, so this
/// runs `/usr/bin/gzip` — fine for tests, never for production code.
public enum LoopbackGzip {
    /// `bytes` gzip-compressed.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        let input = NSTemporaryDirectory() + "loopback-gzip-\(UUID().uuidString)"
        precondition(FileManager.default.createFile(atPath: input, contents: Data(bytes)), "cannot write \(input)")
        defer { try? FileManager.default.removeItem(atPath: input) }
        return run("/usr/bin/gzip", ["-c", "-n", input])
    }

    /// `count` zero bytes gzip-compressed, without holding them in memory: a gzip bomb
    /// (50 MB of zeros is about 50 KB of gzip).
    public static func zeros(count: Int) -> [UInt8] {
        run("/bin/sh", ["-c", "head -c \(count) /dev/zero | gzip -c -n"])
    }

    private static func run(_ executable: String, _ arguments: [String]) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            preconditionFailure("cannot run \(executable): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "\(executable) \(arguments) failed")
        return [UInt8](data)
    }
}
