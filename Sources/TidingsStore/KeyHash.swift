import TidingsModel

/// The stored form of an entry key (see `EntryIdentity`): the first 128 bits of its
/// SHA-256. Fixed-size, so an entry's record stays small however long its guid is, and
/// it is what survives as the tombstone of an entry that left its feed long ago.
public struct KeyHash: Hashable, Sendable {
    public var high: UInt64
    public var low: UInt64

    public init(key: String) {
        var hasher = SHA256()
        hasher.update(key)
        let digest = hasher.finalize()
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<8 { high = high << 8 | UInt64(digest[i]) }
        for i in 8..<16 { low = low << 8 | UInt64(digest[i]) }
        self.high = high
        self.low = low
    }

    init(bigEndianBytes bytes: UnsafeRawBufferPointer) {
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<8 { high = high << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { low = low << 8 | UInt64(bytes[i]) }
        self.high = high
        self.low = low
    }

    var bigEndianBytes: (UInt64, UInt64) { (high.bigEndian, low.bigEndian) }
}
