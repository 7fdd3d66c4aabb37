import CCurl
import CTidingsShims

/// An owned libcurl multi handle: the connection cache, DNS cache and HTTP/2 multiplexing
/// are all per multi, which is why a `Fetcher` keeps multis alive between runs.
final class CurlMulti {
    let handle: UnsafeMutableRawPointer

    init?(maxConcurrent: Int, maxPerHost: Int) {
        guard CurlGlobal.ready, let handle = curl_multi_init() else { return nil }
        self.handle = handle
        // HTTP/2: many feeds of one host share one connection (the default since 7.62,
        // stated so it holds on older builds).
        tidings_curl_multi_setopt_long(handle, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX)
        // The Fetcher's own queue already caps transfers per host and overall; these caps
        // back it up at the connection level, so redirects to a busy host stay polite too.
        tidings_curl_multi_setopt_long(handle, CURLMOPT_MAX_HOST_CONNECTIONS, maxPerHost)
        tidings_curl_multi_setopt_long(handle, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConcurrent)
        // Keep enough idle connections for a warm sync of many hosts to reuse them.
        tidings_curl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, max(maxConcurrent * 4, 64))
    }

    deinit { curl_multi_cleanup(handle) }

    func add(_ easy: CurlEasy) -> Bool {
        curl_multi_add_handle(handle, easy.handle) == CURLM_OK
    }

    func remove(_ easy: CurlEasy) {
        curl_multi_remove_handle(handle, easy.handle)
    }

    /// Moves every transfer as far as it can go without blocking.
    func perform() {
        var running: Int32 = 0
        curl_multi_perform(handle, &running)
    }

    /// Sleeps until a socket is ready or libcurl's next timeout, at most `timeoutMS`.
    func poll(timeoutMS: Int32) {
        curl_multi_poll(handle, nil, 0, timeoutMS, nil)
    }

    /// The next finished transfer: its easy handle and result.
    func nextFinished() -> (easy: UnsafeMutableRawPointer, result: CURLcode)? {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(handle, &queued) {
            if message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle {
                return (easy, message.pointee.data.result)
            }
        }
        return nil
    }
}
