import Glibc

/// Tag and namespace names compared as bytes, so no `String` is made for
/// elements nobody asked for.
enum ByteName {
    @inline(__always)
    static func equals(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// ASCII case-insensitive, for HTML sniffing (`<HTML>`, `<Html>`).
    static func equalsIgnoringCase(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                   UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    static func string(_ name: UnsafePointer<UInt8>) -> String { String(cString: name) }
}
