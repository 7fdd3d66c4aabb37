import Foundation
import Testing
import TidingsTestSupport

/// Every unit in `systemd/` passes `systemd-analyze verify` (run against the built binary,
/// since verify checks that ExecStart= is executable). Skipped only where systemd-analyze is
/// not installed (`scripts/install-deps.sh --test` installs it).
private let systemdAnalyze: String? = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Suite(.enabled(if: systemdAnalyze != nil && TidingsProcess.isBuilt, "systemd-analyze not installed (apt-get install systemd)"))
struct DaemonUnitFileTests {
    static let units = ["tidings.service", "tidings-sync.service", "tidings-sync.timer", "user/tidings.service"]

    @Test(arguments: units)
    func verifies(_ unit: String) throws {
        let dir = TemporaryDirectory("units")
        let source = TestSupport.packageRoot + "/systemd"
        try FileManager.default.createDirectory(atPath: dir.file("user"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("runtime"), withIntermediateDirectories: true)
        for name in Self.units {
            let text = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
                .replacingOccurrences(of: "/usr/local/bin/tidings", with: TidingsProcess.binary)
            try text.write(toFile: dir.file(name), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: systemdAnalyze!)
        let user = unit.hasPrefix("user/")
        process.arguments = ["verify", "--man=no"] + (user ? ["--user"] : []) + [dir.file(unit)]
        var env = ProcessInfo.processInfo.environment
        env["XDG_RUNTIME_DIR"] = dir.file("runtime")  // a user manager needs one, even offline
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: dir.path)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = err
        try process.run()
        let output = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(unit): \(output)")
        #expect(output.isEmpty, "\(unit) has warnings: \(output)")
    }
}
