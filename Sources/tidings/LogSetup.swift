import Foundation
import Logging

/// Logging goes to stderr. Under systemd (`JOURNAL_STREAM` names our stderr) each line
/// starts with its syslog priority `<N>` and has no timestamp, since the journal adds its
/// own and keeps the level; on a terminal or in a file, swift-log's readable format.
enum LogSetup {
    nonisolated(unsafe) private static var done = false

    static func bootstrap(level: Logger.Level) {
        guard !done else { return }
        done = true
        let journal = JournalLogHandler.stderrIsJournal()
        LoggingSystem.bootstrap { label in
            if journal { return JournalLogHandler(logLevel: level) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
