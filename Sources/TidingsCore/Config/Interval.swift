import TidingsModel
import Foundation

/// Durations as people write them in `feeds.txt` and on the command line:
/// `90s`, `30m`, `2h`, `1d`, `1h30m`; a bare number is minutes.
public enum Interval {
    public static func parse(_ text: String) -> TimeInterval? {
        if let minutes = Int(text), minutes > 0 { return TimeInterval(minutes * 60) }
        var total: TimeInterval = 0
        var digits = ""
        var sawUnit = false
        for char in text {
            if char.isASCII, char.isNumber {
                digits.append(char)
                continue
            }
            guard let value = Int(digits) else { return nil }
            let unit: TimeInterval
            switch char {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86400
            case "w": unit = 7 * 86400
            default: return nil
            }
            total += TimeInterval(value) * unit
            digits = ""
            sawUnit = true
        }
        guard digits.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }

    /// `3600` → `1h`, `5400` → `1h30m`: the inverse of `parse` for display.
    public static func format(_ seconds: TimeInterval) -> String {
        var rest = Int(seconds.rounded())
        if rest <= 0 { return "0s" }
        var out = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            out += "\(rest / size)\(unit)"
            rest %= size
        }
        return out
    }
}
