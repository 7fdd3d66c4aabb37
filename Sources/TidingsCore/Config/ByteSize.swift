import Foundation

/// Sizes as people write them on the command line: `20MB`, `512kB`, `1GB`, or bytes.
/// Units are binary (1 MB = 1,048,576 bytes), as the fetcher's messages print them.
public enum ByteSize {
    public static func parse(_ text: String) -> Int? {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        let digits = lower.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits), value > 0 else { return nil }
        let unit: Double
        switch lower.dropFirst(digits.count) {
        case "", "b": unit = 1
        case "k", "kb": unit = 1024
        case "m", "mb": unit = 1_048_576
        case "g", "gb": unit = 1_073_741_824
        default: return nil
        }
        return Int(value * unit)
    }
}
