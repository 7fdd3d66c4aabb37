/// The schema, as an ordered list of steps; `PRAGMA user_version` records how many ran.
/// Append new steps; never edit one that has shipped.
enum Migrations {
    static let steps: [String] = [
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,          -- as written in feeds.txt
            title TEXT,                        -- the feed's own title, last seen
            site_link TEXT,
            etag TEXT,                         -- validators for conditional GET
            last_modified TEXT,
            last_fetch_at REAL,                -- unix seconds
            last_status INTEGER,               -- HTTP status of the last answer
            last_error TEXT,                   -- human message, NULL after a success
            last_error_stage TEXT,             -- fetch / parse / store / deliver
            last_success_at REAL,
            failing_since REAL,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            next_due_at REAL,
            moved_to TEXT,                     -- target of a permanent redirect
            timings TEXT                       -- JSON of the last fetch's timings
        );
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            key_hash BLOB NOT NULL,            -- KeyHash of the EntryIdentity key
            state INTEGER NOT NULL,            -- EntryState
            first_seen_at REAL NOT NULL,
            last_seen_at REAL NOT NULL,
            delivery_name TEXT,                -- maildir file name, while pending
            folder TEXT,                       -- maildir subfolder, while pending
            UNIQUE (feed_id, key_hash)
        );
        CREATE INDEX entries_pending ON entries(state) WHERE state = 0;
        """,
        // Servers that ignore conditional requests: skip the parse when the body is unchanged.
        // 410 Gone and Retry-After: fetching stops until the user acts or the time has come.
        """
        ALTER TABLE feeds ADD COLUMN body_hash TEXT;
        ALTER TABLE feeds ADD COLUMN gone_since REAL;
        ALTER TABLE feeds ADD COLUMN retry_after REAL;
        """,
        // The daemon tells the user once when a feed has been failing for long, and once when it
        // recovers: remember when that notice was delivered.
        """
        ALTER TABLE feeds ADD COLUMN failure_notice_at REAL;
        """,
        // The static site (`tidings sync --static DIR`) renders from these rows: what a page needs
        // of each article, sanitized once when it is stored. Keyed to its entry, so pruning an
        // entry removes its article; written in the same transaction as the entry.
        """
        CREATE TABLE articles (
            entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            site_id TEXT NOT NULL UNIQUE,      -- stable page name: articles/<site_id>.html
            title TEXT,
            link TEXT,
            authors TEXT,                      -- one a line
            categories TEXT,                   -- one a line
            published REAL,
            updated REAL,
            sort_date REAL NOT NULL,           -- published, else updated, else first seen
            language TEXT,
            excerpt TEXT NOT NULL,             -- plain text
            content TEXT NOT NULL              -- sanitized HTML, URLs absolute
        );
        CREATE INDEX articles_by_date ON articles(sort_date DESC);
        CREATE INDEX articles_by_feed ON articles(feed_id);
        """,
        // Pruning: an entry has left its feed when a later parse of the feed did not touch it.
        """
        ALTER TABLE feeds ADD COLUMN last_parsed_at REAL;
        CREATE INDEX entries_by_last_seen ON entries(last_seen_at);
        """,
        // The daemon's adaptive schedule: how often the feed posts, kept for the 304s in between.
        """
        ALTER TABLE feeds ADD COLUMN posting_gap REAL;
        """,
        // RSS skipHours/skipDays, kept for the 304s in between (see SkipTimes).
        """
        ALTER TABLE feeds ADD COLUMN skip_times TEXT;
        """,
    ]
}
