import Foundation
import Logging

/// Logging goes to stderr; under systemd (`JOURNAL_STREAM` set) without timestamps,
/// since the journal adds its own.
enum LogSetup {
    nonisolated(unsafe) private static var done = false

    static func bootstrap(level: Logger.Level) {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
