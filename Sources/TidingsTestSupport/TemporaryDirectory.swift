import Foundation

/// A fresh directory under the system temp dir, removed when the value is released
/// (kept when `TIDINGS_KEEP_TEST_DIRS` is set, for looking at what a test wrote).
public final class TemporaryDirectory: Sendable {
    public let path: String

    public init(_ label: String = "tidings-test") {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(label).XXXXXX")
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed: \(String(cString: strerror(errno)))")
        path = String(cString: bytes.withUnsafeBufferPointer { $0.baseAddress! })
    }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit {
        if ProcessInfo.processInfo.environment["TIDINGS_KEEP_TEST_DIRS"] == nil {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
