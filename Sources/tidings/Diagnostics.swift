import ArgumentParser
import TidingsCore
import Foundation

/// Writes a line to stderr (errors and warnings; stdout is for results).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

/// Runs work that can fail before any feed is fetched (a bad feeds file, an unusable state
/// directory): prints what is wrong and exits 2, the status for configuration errors.
func exitingOnSetupError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let invalid as FeedList.Invalid {
        printError(invalid.description)
        throw ExitCode(2)
    } catch {
        printError("tidings: \(error)")
        throw ExitCode(2)
    }
}
