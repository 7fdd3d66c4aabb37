import CCurl
import CTidingsShims

/// An owned libcurl easy handle with typed option setters. `curl_easy_setopt` is variadic, so
/// Swift reaches it through one C shim per argument type; the option enums below make a
/// long/string/pointer mix-up a compile error instead of a crash.
///
/// Not thread-safe: a handle belongs to one transfer loop at a time.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer

    enum LongOption {
        case noSignal, followLocation, maxRedirects, connectTimeoutMS, timeoutMS
        case lowSpeedLimit, lowSpeedTime, verifyPeer, verifyHost

        var raw: CURLoption {
            switch self {
            case .noSignal: CURLOPT_NOSIGNAL
            case .followLocation: CURLOPT_FOLLOWLOCATION
            case .maxRedirects: CURLOPT_MAXREDIRS
            case .connectTimeoutMS: CURLOPT_CONNECTTIMEOUT_MS
            case .timeoutMS: CURLOPT_TIMEOUT_MS
            case .lowSpeedLimit: CURLOPT_LOW_SPEED_LIMIT
            case .lowSpeedTime: CURLOPT_LOW_SPEED_TIME
            case .verifyPeer: CURLOPT_SSL_VERIFYPEER
            case .verifyHost: CURLOPT_SSL_VERIFYHOST
            }
        }
    }

    enum StringOption {
        case url, userAgent, acceptEncoding, protocols, redirectProtocols

        var raw: CURLoption {
            switch self {
            case .url: CURLOPT_URL
            case .userAgent: CURLOPT_USERAGENT
            case .acceptEncoding: CURLOPT_ACCEPT_ENCODING
            case .protocols: CURLOPT_PROTOCOLS_STR
            case .redirectProtocols: CURLOPT_REDIR_PROTOCOLS_STR
            }
        }
    }

    enum OffsetOption {
        case maxFileSize

        var raw: CURLoption {
            switch self {
            case .maxFileSize: CURLOPT_MAXFILESIZE_LARGE
            }
        }
    }

    enum PointerOption {
        case writeData, headerData, privateData, errorBuffer

        var raw: CURLoption {
            switch self {
            case .writeData: CURLOPT_WRITEDATA
            case .headerData: CURLOPT_HEADERDATA
            case .privateData: CURLOPT_PRIVATE
            case .errorBuffer: CURLOPT_ERRORBUFFER
            }
        }
    }

    enum CallbackOption {
        case write, header

        var raw: CURLoption {
            switch self {
            case .write: CURLOPT_WRITEFUNCTION
            case .header: CURLOPT_HEADERFUNCTION
            }
        }
    }

    enum LongInfo {
        case responseCode, redirectCount, osErrno, headerSize

        var raw: CURLINFO {
            switch self {
            case .responseCode: CURLINFO_RESPONSE_CODE
            case .redirectCount: CURLINFO_REDIRECT_COUNT
            case .osErrno: CURLINFO_OS_ERRNO
            case .headerSize: CURLINFO_HEADER_SIZE
            }
        }
    }

    enum OffsetInfo {
        case nameLookupTime, connectTime, appConnectTime, startTransferTime, totalTime, sizeDownload

        var raw: CURLINFO {
            switch self {
            case .nameLookupTime: CURLINFO_NAMELOOKUP_TIME_T
            case .connectTime: CURLINFO_CONNECT_TIME_T
            case .appConnectTime: CURLINFO_APPCONNECT_TIME_T
            case .startTransferTime: CURLINFO_STARTTRANSFER_TIME_T
            case .totalTime: CURLINFO_TOTAL_TIME_T
            case .sizeDownload: CURLINFO_SIZE_DOWNLOAD_T
            }
        }
    }

    enum StringInfo {
        case effectiveURL, contentType

        var raw: CURLINFO {
            switch self {
            case .effectiveURL: CURLINFO_EFFECTIVE_URL
            case .contentType: CURLINFO_CONTENT_TYPE
            }
        }
    }

    init?() {
        guard CurlGlobal.ready, let handle = curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    @discardableResult
    func set(_ option: LongOption, _ value: Int) -> CURLcode {
        tidings_curl_easy_setopt_long(handle, option.raw, value)
    }

    @discardableResult
    func set(_ option: LongOption, _ value: Bool) -> CURLcode {
        tidings_curl_easy_setopt_long(handle, option.raw, value ? 1 : 0)
    }

    /// libcurl copies string options, so the Swift string only has to live for the call.
    @discardableResult
    func set(_ option: StringOption, _ value: String) -> CURLcode {
        tidings_curl_easy_setopt_string(handle, option.raw, value)
    }

    @discardableResult
    func set(_ option: OffsetOption, _ value: Int64) -> CURLcode {
        tidings_curl_easy_setopt_off_t(handle, option.raw, curl_off_t(value))
    }

    @discardableResult
    func set(_ option: PointerOption, _ value: UnsafeMutableRawPointer?) -> CURLcode {
        tidings_curl_easy_setopt_ptr(handle, option.raw, value)
    }

    @discardableResult
    func set(_ option: CallbackOption, _ value: tidings_curl_data_callback) -> CURLcode {
        tidings_curl_easy_setopt_data_callback(handle, option.raw, value)
    }

    /// Extra request headers. libcurl does not copy the list: it must outlive the transfer.
    @discardableResult
    func setHeaders(_ list: UnsafeMutablePointer<curl_slist>?) -> CURLcode {
        tidings_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
    }

    func get(_ info: LongInfo) -> Int {
        var value = 0
        return tidings_curl_easy_getinfo_long(handle, info.raw, &value) == CURLE_OK ? value : 0
    }

    func get(_ info: OffsetInfo) -> Int64 {
        var value: curl_off_t = 0
        return tidings_curl_easy_getinfo_off_t(handle, info.raw, &value) == CURLE_OK ? Int64(value) : 0
    }

    func get(_ info: StringInfo) -> String? {
        var value: UnsafePointer<CChar>?
        guard tidings_curl_easy_getinfo_string(handle, info.raw, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// A response header of the last response in the redirect chain, via `curl_easy_header`
    /// (7.83+). `index` picks among repeated headers.
    func header(_ name: String, index: Int = 0) -> (value: String, count: Int)? {
        var out: UnsafeMutablePointer<curl_header>?
        // origin CURLH_HEADER: plain server headers, not CONNECT/1xx/trailers; request -1 = last.
        guard curl_easy_header(handle, name, index, UInt32(CURLH_HEADER), -1, &out) == CURLHE_OK,
              let header = out?.pointee, let value = header.value else { return nil }
        return (String(cString: value), header.amount)
    }
}
