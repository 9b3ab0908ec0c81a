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

#include "engine/error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace rapport {

// The value of PRAGMA application_id in every Rapport database ("RAPP").
inline constexpr std::int32_t kApplicationId = 0x52415050;

class Statement;

class Database {
public:
    // Opens or creates the database at path. Throws rapport::Error naming the
    // file when it cannot be opened, is not a Rapport database, is damaged, or
    // was written by a newer Rapport.
    static Database open(const std::filesystem::path& path);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    const std::filesystem::path& path() const { return path_; }
    int schema_version();

    // Runs SQL without results (several statements allowed). Throws on error.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    std::int64_t last_insert_id() const;
    int changes() const;

    // Runs fn() between BEGIN IMMEDIATE and COMMIT; any exception rolls the
    // whole transaction back and is rethrown, so a user action is saved
    // entirely or not at all.
    template <class Fn>
    decltype(auto) transaction(Fn&& fn) {
        exec("BEGIN IMMEDIATE");
        try {
            if constexpr (std::is_void_v<decltype(fn())>) {
                fn();
                exec("COMMIT");
            } else {
                auto result = fn();
                exec("COMMIT");
                return result;
            }
        } catch (...) {
            rollback_quietly();
            throw;
        }
    }

    sqlite3* handle() { return db_; }
    // "path: message" for the last SQLite error on this connection.
    std::string error_message(std::string_view context) const;

private:
    Database(sqlite3* db, std::filesystem::path path);
    void rollback_quietly() noexcept;

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
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

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace rapport
