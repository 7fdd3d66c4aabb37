import Foundation
import TidingsModel
#if canImport(Glibc)
import Glibc
#endif

/// Maildir file names (https://cr.yp.to/proto/maildir.html, Dovecot's conventions).
enum MaildirName {
    /// Prefix of the tmp/ files this program writes, so `cleanTmp` removes only ours and
    /// never another delivery agent's work in progress.
    static let tmpPrefix = "tidings-tmp."

    /// A maildir-unique base name: `<epoch>.M<usec>P<pid>Q<counter>.<hash16>.<hostname>`.
    /// Time, pid and a per-process counter make it unique; hash16 (the Message-ID's first 16
    /// hex digits) lets a user find the file of a message.
    static func unique(messageID: String, at date: Date) -> String {
        let t = date.timeIntervalSince1970
        let seconds = Int64(t.rounded(.down))
        let micros = Int64(((t - Double(seconds)) * 1_000_000).rounded(.down))
        return "\(seconds).M\(micros)P\(getpid())Q\(counter.next()).\(hash16(messageID)).\(hostname)"
    }

    static func hash16(_ messageID: String) -> String {
        var local = messageID.utf8.drop(while: { $0 == UInt8(ascii: "<") })
        local = local.prefix(16)
        let isHex = local.count == 16 && local.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
        return isHex ? String(decoding: local, as: UTF8.self) : String(SHA256.hex(messageID).prefix(16))
    }

    /// The host name with `/` and `:` escaped as `\057` and `\072`, as the maildir spec asks
    /// (`:` separates the info suffix, `/` would be a path).
    static let hostname: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        let name = gethostname(&buffer, buffer.count - 1) == 0
            ? String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : "localhost"
        return escapeHost(name.isEmpty ? "localhost" : name)
    }()

    static func escapeHost(_ name: String) -> String {
        var out = ""
        for c in name.unicodeScalars {
            switch c {
            case "/": out += "\\057"
            case ":": out += "\\072"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The base name of a file in new/ or cur/: everything before the `:` info suffix.
    static func baseName(_ fileName: Substring) -> Substring {
        fileName.firstIndex(of: ":").map { fileName[..<$0] } ?? fileName
    }

    /// Names from callers become file names: they must be one path component, not hidden,
    /// and carry no info suffix.
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count < 240 && name.utf8.first != UInt8(ascii: ".")
            && !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") || $0 == 0 || $0 == 0x0A })
    }

    private static let counter = Counter()

    private final class Counter: @unchecked Sendable {
        // A lock rather than Synchronization.Atomic: the package still declares macOS 13.
        private let lock = NSLock()
        private var value: UInt64 = 0

        func next() -> UInt64 {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
