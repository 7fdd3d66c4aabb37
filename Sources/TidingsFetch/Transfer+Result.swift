import CCurl
import Foundation

extension Transfer {
    /// What the caller sees for the transfer that just finished with `code`.
    func result(_ code: CURLcode, limits: FetchLimits) -> Result<FetchResponse, FetchFailure> {
        let timings = readTimings()
        guard code == CURLE_OK else {
            return .failure(FetchFailure(curl: code, transfer: self, limits: limits, timings: timings))
        }
        let status = easy.get(.responseCode)
        let headers = ResponseHeaders(easy, now: Date())
        guard (200..<300).contains(status) || status == 304 else {
            return .failure(.http(status, retryAfter: headers.retryAfter, timings: timings))
        }
        let effectiveURL = easy.get(.effectiveURL) ?? url
        let permanent = easy.get(.redirectCount) > 0 && allHopsPermanent ? effectiveURL : nil
        return .success(FetchResponse(
            status: status,
            body: status == 304 ? [] : takeBody(),
            etag: headers.etag,
            lastModified: headers.lastModified,
            contentType: headers.contentType,
            effectiveURL: effectiveURL,
            permanentRedirect: permanent,
            retryAfter: headers.retryAfter,
            cacheMaxAge: headers.cacheMaxAge,
            timings: timings))
    }

    /// True when every redirect hop answered 301 or 308. Only then may a feed reader update
    /// the stored address: a single 302/307 in the chain means "this is temporary".
    var allHopsPermanent: Bool {
        // The last status is the final response; earlier 3xx are the hops. (A proxy's
        // CONNECT answer also appears here but is a 2xx, so it is not taken for a hop.)
        let hops = statuses.dropLast().filter { (300..<400).contains($0) }
        return !hops.isEmpty && hops.allSatisfy { $0 == 301 || $0 == 308 }
    }

    private func readTimings() -> FetchTimings {
        func seconds(_ info: CurlEasy.OffsetInfo) -> Double { Double(easy.get(info)) / 1_000_000 }
        return FetchTimings(
            dns: seconds(.nameLookupTime),
            connect: seconds(.connectTime),
            tls: seconds(.appConnectTime),
            firstByte: seconds(.startTransferTime),
            total: seconds(.totalTime),
            bytes: easy.get(.sizeDownload) + Int64(easy.get(.headerSize)))
    }
}
