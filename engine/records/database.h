// The SQLite connection every stored record goes through.
//
// Database::open() creates the file (mode 0600, in a 0700 folder) or opens an
// existing one, refuses a file that is not a Rapport database or is damaged
// (without modifying it), then brings the schema up to date with the forward
// migrations in engine/schema.cpp. Settings: foreign keys on, WAL journal,
// synchronous=FULL (what is reported saved survives a crash or power loss),
// and a busy timeout so the app and the CLI can share the file.
//
// Statement wraps a prepared statement: values are always bound, never
// pasted into SQL text.
#pragma once

#include "engine/base/error.h"
#include "engine/base/local_time.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace rapport {

// The value of PRAGMA application_id in every Rapport database ("RAPP").
inline constexpr std::int32_t kApplicationId = 0x52415050;

class Statement;

// PRAGMA quick_check reads the whole file (about 0.5 GB/s here: 700 ms for a
// 330 MB database of 100,000 meetings), so open() runs it only on files up to
// this size, where it costs a few milliseconds — a real campaign's file is far
// smaller. Bigger files get the header and schema checks on every open and
// the full check once a day, before the daily backup (backup.h), and before
// any migration.
inline constexpr std::uintmax_t kFullCheckOnOpenBytes = 16u << 20;

struct OpenOptions {
    std::uintmax_t full_check_max_bytes = kFullCheckOnOpenBytes;
};

// A database path with a symbolic link resolved to the file it names.
std::filesystem::path resolve_database_path(const std::filesystem::path& path);

class Database {
public:
    // Opens or creates the database at path. Throws rapport::Error naming the
    // file when it cannot be opened, is not a Rapport database, is damaged, or
    // was written by a newer Rapport; such a file is left unchanged.
    static Database open(const std::filesystem::path& path, const OpenOptions& options = {});

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Opens a file read-only and checks it as open() would (a Rapport
    // database, not newer than this program, passes PRAGMA quick_check),
    // without changing it. Throws rapport::Error naming the file.
    static void verify_file(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return path_; }
    // True when the file or its folder is read-only (chmod): open() then
    // opens it read-only, changes nothing, and every write is refused.
    bool read_only() const { return read_only_; }
    // Runs PRAGMA quick_check over the whole file; throws rapport::Error
    // naming the file when it is damaged.
    void verify_integrity();
    int schema_version();

    // Runs SQL without results (several statements allowed). Throws on error.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    std::int64_t last_insert_id() const;
    // Changes whenever this connection or another one commits a change, so
    // a screen can keep what it read until the data changes (cheap: no
    // table is read).
    std::uint64_t change_stamp();
    int changes() const;

    // Runs fn() between BEGIN IMMEDIATE and COMMIT; any exception rolls the
    // whole transaction back and is rethrown, so a user action is saved
    // entirely or not at all. Called inside another transaction (an import
    // adding many records), it becomes a savepoint of the outer one.
    template <class Fn>
    decltype(auto) transaction(Fn&& fn) {
        const bool nested = in_transaction();
        exec(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
        try {
            if constexpr (std::is_void_v<decltype(fn())>) {
                fn();
                exec(nested ? "RELEASE nested" : "COMMIT");
            } else {
                auto result = fn();
                exec(nested ? "RELEASE nested" : "COMMIT");
                return result;
            }
        } catch (...) {
            nested ? rollback_savepoint_quietly() : rollback_quietly();
            throw;
        }
    }
    bool in_transaction() const;

    sqlite3* handle() { return db_; }
    // Takes ownership of a connection opened elsewhere (closed even if null
    // or failed).
    static Database adopt(sqlite3* db, std::filesystem::path path);
    // "path: message" for the last SQLite error on this connection.
    std::string error_message(std::string_view context) const;

private:
    Database(sqlite3* db, std::filesystem::path path);
    static Database open_read_only(const std::filesystem::path& path);
    void rollback_quietly() noexcept;
    void rollback_savepoint_quietly() noexcept;

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    bool read_only_ = false;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    // Parameters are numbered from 1, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);
    // Binds the values to parameters 1, 2, 3… in order.
    template <class... Values>
    Statement& bind_all(const Values&... values) {
        int index = 0;
        (bind(++index, values), ...);
        return *this;
    }
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // Advances to the next row: true when a row is available, false when done.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    void reset();

    // Columns are numbered from 0, as in SQLite.
    bool is_null(int column) const;
    std::int64_t column_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;
    std::optional<std::string> column_optional_text(int column) const;
    std::optional<std::int64_t> column_optional_int(int column) const;
    std::optional<double> column_optional_double(int column) const;

    // Reads one column into a field of the matching type (NULL leaves an
    // optional empty; a stored date is parsed, its error naming the column).
    void read(int column, std::int64_t& out) const { out = column_int(column); }
    void read(int column, int& out) const { out = static_cast<int>(column_int(column)); }
    void read(int column, bool& out) const { out = column_int(column) != 0; }
    void read(int column, double& out) const { out = column_double(column); }
    void read(int column, std::string& out) const { out = column_text(column); }
    void read(int column, LocalDateTime& out) const;
    template <class T>
    void read(int column, std::optional<T>& out) const {
        if (is_null(column)) return out.reset();
        read(column, out.emplace());
    }

    // Steps through every row, returning what read_row(*this) makes of each.
    template <class ReadRow>
    auto collect(ReadRow read_row) {
        std::vector<decltype(read_row(*this))> rows;
        while (step()) rows.push_back(read_row(*this));
        return rows;
    }

    sqlite3_stmt* handle() { return stmt_; }

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Reads the current row's columns, in order, into the given fields, so a
// record's columns are listed once, in the same order as its SELECT.
template <class... Fields>
void read_columns(const Statement& st, Fields&... fields) {
    int column = 0;
    (st.read(column++, fields), ...);
}

}  // namespace rapport
