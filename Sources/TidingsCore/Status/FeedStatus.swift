import Foundation
import TidingsModel
import TidingsStore

/// One row of `tidings status`: what a user wants to know about a feed at a glance.
public struct FeedStatus: Sendable, Encodable {
    public var url: String
    public var title: String?
    public var lastFetch: String?
    public var httpStatus: Int?
    public var lastError: String?
    public var errorStage: String?
    public var failingSince: String?
    public var consecutiveFailures: Int
    public var entries: Int
    public var nextDue: String?
    public var movedTo: String?
    public var timings: [String: Double]?

    init(_ record: FeedRecord) {
        url = URLRedaction.redact(record.url)
        title = record.title
        lastFetch = record.lastFetchAt?.iso8601UTC
        httpStatus = record.lastStatus
        lastError = record.lastError
        errorStage = record.lastErrorStage
        failingSince = record.failingSince?.iso8601UTC
        consecutiveFailures = record.consecutiveFailures
        entries = record.entryCount
        nextDue = record.nextDueAt?.iso8601UTC
        movedTo = record.movedTo.map(URLRedaction.redact)
        timings = record.timingsJSON.flatMap { json in
            (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Double]
        }
    }

    /// Every feed in the state directory, failing feeds first, then by URL.
    public static func load(stateDirectory: String) throws(TidingsError) -> [FeedStatus] {
        let path = (stateDirectory as NSString).appendingPathComponent(StateStore.fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            throw TidingsError(stage: .store, message: "no state in \(stateDirectory) yet; run `tidings sync` first")
        }
        let store = try StateStore(directory: stateDirectory)
        return try store.allFeeds().map(FeedStatus.init).sorted { a, b in
            if (a.lastError != nil) != (b.lastError != nil) { return a.lastError != nil }
            return a.url < b.url
        }
    }

    public static func json(_ rows: [FeedStatus]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return (try? encoder.encode(rows)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// A plain table: one block per feed, readable in a terminal and greppable.
    public static func text(_ rows: [FeedStatus]) -> String {
        var out = ""
        for row in rows {
            let state = row.lastError == nil ? "ok" : "FAILING"
            out += "\(state)  \(row.url)\n"
            if let title = row.title { out += "    title:      \(title)\n" }
            let status = row.httpStatus.map { " (HTTP \($0))" } ?? ""
            out += "    last fetch: \(row.lastFetch ?? "never")\(status)\n"
            if let error = row.lastError {
                let since = row.failingSince.map { ", failing since \($0)" } ?? ""
                out += "    last error: \(row.errorStage ?? "fetch"): \(error)\(since), \(row.consecutiveFailures) time(s) in a row\n"
            }
            if let moved = row.movedTo { out += "    moved to:   \(moved) (update feeds.txt)\n" }
            out += "    entries:    \(row.entries)\n"
            if let due = row.nextDue { out += "    next due:   \(due)\n" }
        }
        return out
    }
}
