import CCurl

/// `curl_global_init` must run once per process before any handle is made, and it is not
/// thread-safe itself. A global `let` is: Swift runs its initialiser exactly once, under a
/// lock, so every path that creates a handle reads `CurlGlobal.ready` first.
enum CurlGlobal {
    static let ready: Bool = {
        // CURL_GLOBAL_DEFAULT is a macro Swift cannot import: CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32.
        curl_global_init(3) == CURLE_OK
    }()
}
