import TidingsModel
import Foundation

/// Default locations, following the XDG base directory spec and systemd's
/// `StateDirectory=` / `ConfigurationDirectory=` (which set `$STATE_DIRECTORY` / `$CONFIGURATION_DIRECTORY`).
public enum Paths {
    public static func defaultFeeds(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = firstDirectory(environment["CONFIGURATION_DIRECTORY"]) { return dir + "/feeds.txt" }
        return (environment["XDG_CONFIG_HOME"].flatMap(nonEmpty) ?? home(environment) + "/.config") + "/tidings/feeds.txt"
    }

    public static func defaultState(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = firstDirectory(environment["STATE_DIRECTORY"]) { return dir }
        return (environment["XDG_STATE_HOME"].flatMap(nonEmpty) ?? home(environment) + "/.local/state") + "/tidings"
    }

    public static func defaultMaildir(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        home(environment) + "/Maildir/feeds"
    }

    private static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap(nonEmpty) ?? NSHomeDirectory()
    }

    /// systemd passes several directories colon-separated; the first is ours.
    private static func firstDirectory(_ value: String?) -> String? {
        value.flatMap { $0.split(separator: ":").first.map(String.init) }.flatMap(nonEmpty)
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
