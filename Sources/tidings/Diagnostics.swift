import Foundation

/// Writes a line to stderr (errors and warnings; stdout is for results).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
