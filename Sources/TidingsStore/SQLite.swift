import CSQLite
import TidingsModel

/// A thin wrapper over one sqlite3 connection. Not thread-safe: a connection
/// belongs to one queue (the store's), as SQLite connections should.
final class SQLite {
    let handle: OpaquePointer
    let path: String
    private var cache: [String: Statement] = [:]

    init(path: String) throws(TidingsError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw TidingsError(stage: .store, message: "cannot open the state database \(path): \(message)")
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 10_000)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws(TidingsError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? "error \(rc)"
            sqlite3_free(errorMessage)
            throw failure(message, code: rc)
        }
    }

    /// A prepared statement, cached by its SQL text.
    func statement(_ sql: String) throws(TidingsError) -> Statement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        var raw: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard rc == SQLITE_OK, let raw else { throw failure(lastMessage, code: rc) }
        let statement = Statement(raw, connection: self)
        cache[sql] = statement
        return statement
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    var changes: Int { Int(sqlite3_changes(handle)) }

    func failure(_ message: String, code: Int32) -> TidingsError {
        let primary = code & 0xff
        let advice: String
        switch primary {
        case SQLITE_FULL: advice = "the disk is full; free space and sync again (nothing was lost)"
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN: advice = "check the permissions of \(path)"
        case SQLITE_CORRUPT, SQLITE_NOTADB: advice = "\(path) is damaged; move it aside to start over (articles would be delivered again)"
        case SQLITE_BUSY, SQLITE_LOCKED: advice = "another program holds the database; try again"
        default: advice = "state database \(path)"
        }
        return TidingsError(stage: .store, message: "\(message) (\(advice))")
    }
}

/// A prepared statement with typed binds and columns (1-based binds, 0-based columns, as in SQLite).
final class Statement {
    let raw: OpaquePointer
    unowned let connection: SQLite

    init(_ raw: OpaquePointer, connection: SQLite) {
        self.raw = raw
        self.connection = connection
    }

    deinit { sqlite3_finalize(raw) }

    func reset() {
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: String?) {
        if let value { sqlite3_bind_text(raw, index, value, -1, Statement.transient) } else { sqlite3_bind_null(raw, index) }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(raw, index, value) } else { sqlite3_bind_null(raw, index) }
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(raw, index, value) } else { sqlite3_bind_null(raw, index) }
    }

    func bind(_ index: Int32, _ value: KeyHash) {
        withUnsafeBytes(of: value.bigEndianBytes) { buffer in
            _ = sqlite3_bind_blob(raw, index, buffer.baseAddress, Int32(buffer.count), Statement.transient)
        }
    }

    /// Steps once: true while a row is available.
    @discardableResult
    func step() throws(TidingsError) -> Bool {
        let rc = sqlite3_step(raw)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.failure(connection.lastMessage, code: rc)
        }
    }

    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(raw, column) else { return nil }
        return String(cString: text)
    }

    func int64(_ column: Int32) -> Int64? {
        sqlite3_column_type(raw, column) == SQLITE_NULL ? nil : sqlite3_column_int64(raw, column)
    }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(raw, column) == SQLITE_NULL ? nil : sqlite3_column_double(raw, column)
    }

    func keyHash(_ column: Int32) -> KeyHash? {
        guard sqlite3_column_bytes(raw, column) == 16, let blob = sqlite3_column_blob(raw, column) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: blob, count: 16)
        return KeyHash(bigEndianBytes: bytes)
    }
}
