import Foundation
import TidingsModel

/// What the state database knows about one feed.
public struct FeedRecord: Sendable, Equatable {
    public var id: Int64
    public var url: String
    public var title: String?
    public var siteLink: String?
    public var etag: String?
    public var lastModified: String?
    public var lastFetchAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var lastErrorStage: String?
    public var lastSuccessAt: Date?
    public var failingSince: Date?
    public var consecutiveFailures: Int
    public var nextDueAt: Date?
    public var movedTo: String?
    public var timingsJSON: String?
    public var entryCount: Int
    /// A fast hash of the last body parsed (see `BodyHash`).
    public var bodyHash: String?
    /// Set when the server answered 410 Gone; fetching stops until the user acts.
    public var goneSince: Date?
    /// The server's Retry-After (429, 503): not fetched before then.
    public var retryAfter: Date?
    /// The feed's typical gap between posts, as last measured (adaptive schedule).
    public var postingGap: TimeInterval?
    /// RSS skipHours/skipDays as last read (`h:…;d:…`).
    public var skipTimes: String?

    /// True when the server said the feed is gone for good.
    public var isGone: Bool { goneSince != nil }
}

/// The outcome of one fetch of a feed, to record.
public struct FeedUpdate: Sendable {
    public var fetchedAt: Date
    public var status: Int?
    /// New validators; nil keeps the stored ones (a 304 need not repeat them).
    public var etag: String?
    public var lastModified: String?
    /// Set for a failure; nil for a success.
    public var error: String?
    public var errorStage: Stage?
    public var title: String?
    public var siteLink: String?
    public var movedTo: String?
    public var timingsJSON: String?
    public var nextDueAt: Date?
    public var bodyHash: String?
    public var retryAfter: Date?
    /// The feed's typical gap between posts, when measured by this fetch.
    public var postingGap: TimeInterval?
    /// RSS skipHours/skipDays read by this fetch (`h:…;d:…`); "" clears them.
    public var skipTimes: String?
    /// True when the body was parsed (a 200 whose bytes changed): the entries it held were
    /// touched, so every older entry of the feed has left it.
    public var parsed = false

    public init(
        fetchedAt: Date, status: Int? = nil, etag: String? = nil, lastModified: String? = nil,
        error: String? = nil, errorStage: Stage? = nil, title: String? = nil, siteLink: String? = nil,
        movedTo: String? = nil, timingsJSON: String? = nil, nextDueAt: Date? = nil,
        bodyHash: String? = nil, retryAfter: Date? = nil
    ) {
        self.fetchedAt = fetchedAt
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.error = error
        self.errorStage = errorStage
        self.title = title
        self.siteLink = siteLink
        self.movedTo = movedTo
        self.timingsJSON = timingsJSON
        self.nextDueAt = nextDueAt
        self.bodyHash = bodyHash
        self.retryAfter = retryAfter
    }
}

/// An entry recorded as pending whose message may still sit in `tmp/`.
public struct PendingDelivery: Sendable, Equatable {
    public var entryID: Int64
    public var feedID: Int64
    public var deliveryName: String
    public var folder: String?
}

/// A new entry to record.
public struct NewEntry: Sendable {
    public var keyHash: KeyHash
    public var deliveryName: String?
    public var folder: String?

    public init(keyHash: KeyHash, deliveryName: String? = nil, folder: String? = nil) {
        self.keyHash = keyHash
        self.deliveryName = deliveryName
        self.folder = folder
    }
}
