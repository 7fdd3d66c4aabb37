/// A fast fingerprint of a response body (FNV-1a 64 and the length), to skip parsing
/// when a server that ignores conditional requests sends the same bytes again. Not
/// cryptographic: a collision would only delay one update of one feed by one fetch.
public enum BodyHash {
    public static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16) + "-" + String(bytes.count)
    }
}
