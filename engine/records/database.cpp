#include "engine/records/database.h"

#include "engine/base/paths.h"
#include "engine/records/schema.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

namespace rapport {
namespace fs = std::filesystem;

namespace {

// Creates an empty file readable only by its owner, so the database (and the
// -wal/-shm files SQLite derives from it) are never readable by others.
void create_private_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        throw Error("cannot create database " + path.string() + ": " + std::strerror(errno));
    if (fd >= 0) ::close(fd);
}

}  // namespace

// ---------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------

Database::Database(sqlite3* db, fs::path path) : db_(db), path_(std::move(path)) {}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (db_) sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
    }
    return *this;
}

Database::~Database() {
    if (db_) sqlite3_close_v2(db_);
}

std::string Database::error_message(std::string_view context) const {
    return path_.string() + ": " + std::string(context) + ": " + sqlite3_errmsg(db_);
}

void Database::exec(std::string_view sql) {
    std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string detail = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        throw Error(path_.string() + ": " + detail);
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(*this, sql); }

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

int Database::schema_version() {
    Statement st(*this, "PRAGMA user_version");
    st.step();
    return static_cast<int>(st.column_int(0));
}

void Database::rollback_quietly() noexcept {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Database::rollback_savepoint_quietly() noexcept {
    sqlite3_exec(db_, "ROLLBACK TO nested; RELEASE nested", nullptr, nullptr, nullptr);
}

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

namespace {

// Reads the header facts that tell whether a file is ours, without writing.
struct FileIdentity {
    std::int64_t application_id = 0;
    std::int64_t object_count = 0;
    int user_version = 0;
};

FileIdentity read_identity(Database& db) {
    FileIdentity id;
    auto pragma = [&](const char* sql) {
        Statement st(db, sql);
        st.step();
        return st.column_int(0);
    };
    try {
        id.application_id = pragma("PRAGMA application_id");
        id.user_version = static_cast<int>(pragma("PRAGMA user_version"));
        id.object_count = pragma("SELECT count(*) FROM sqlite_schema");
    } catch (const Error&) {
        throw Error(db.path().string() + " is not a Rapport database (or is damaged); it was left "
                    "unchanged");
    }
    return id;
}

// Refuses files that are not ours or come from a newer Rapport. Returns
// whether the file is brand new (empty, to be set up by the migrations).
bool check_identity(Database& db, const FileIdentity& id) {
    const auto& path = db.path();
    const bool brand_new = id.application_id == 0 && id.object_count == 0;
    if (!brand_new && id.application_id != kApplicationId)
        throw Error(path.string() + " is not a Rapport database; it was left unchanged");
    if (id.user_version > latest_schema_version())
        throw Error(path.string() + " was written by a newer Rapport (schema " +
                    std::to_string(id.user_version) + ", this program knows up to " +
                    std::to_string(latest_schema_version()) + "); it was left unchanged");
    return brand_new;
}

void migrate(Database& db, int from_version) {
    db.transaction([&] {
        for (const Migration& m : schema_migrations()) {
            if (m.version <= from_version) continue;
            db.exec(m.sql);
        }
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(latest_schema_version()));
    });
}

Database open_connection(const fs::path& path, int flags) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
    Database db = Database::adopt(raw, path);  // owns raw even when opening failed
    if (rc != SQLITE_OK) throw Error(db.error_message("cannot open database"));
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_extended_result_codes(raw, 1);
    return db;
}

}  // namespace

Database Database::adopt(sqlite3* db, fs::path path) { return Database(db, std::move(path)); }

void Database::verify_integrity() {
    bool ok = false;
    try {
        Statement st(*this, "PRAGMA quick_check(1)");
        ok = st.step() && st.column_text(0) == "ok";
    } catch (const Error&) {
        ok = false;
    }
    if (!ok)
        throw Error(path_.string() + " is damaged (SQLite quick_check failed); it was left "
                    "unchanged — restore it from a backup (rapport-cli restore)");
}

void Database::verify_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw Error(path.string() + ": no such database file");
    Database db = open_connection(path, SQLITE_OPEN_READONLY);
    if (check_identity(db, read_identity(db)))
        throw Error(path.string() + " is empty, not a Rapport database");
    db.verify_integrity();
}

Database Database::open(const fs::path& path, const OpenOptions& options) {
    if (path.has_parent_path()) ensure_private_dir(path.parent_path());
    create_private_file(path);

    Database db = open_connection(path, SQLITE_OPEN_READWRITE);
    const FileIdentity id = read_identity(db);
    const bool brand_new = check_identity(db, id);
    std::error_code size_error;
    const bool small = fs::file_size(path, size_error) <= options.full_check_max_bytes;
    const bool migrating = id.user_version < latest_schema_version();
    if (!brand_new && (small || migrating)) db.verify_integrity();

    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    if (migrating) migrate(db, id.user_version);

    std::error_code ec;
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace, ec);
    return db;
}

// ---------------------------------------------------------------------------
// Statement
// ---------------------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_,
                           nullptr) != SQLITE_OK)
        throw Error(db.error_message("cannot prepare statement"));
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement::~Statement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

namespace {
void check_bind(Database& db, int rc) {
    if (rc != SQLITE_OK) throw Error(db.error_message("cannot bind value"));
}
}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
    check_bind(*db_, sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check_bind(*db_, sqlite3_bind_double(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    check_bind(*db_, sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                                         SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind_null(int index) {
    check_bind(*db_, sqlite3_bind_null(stmt_, index));
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw Error(db_->error_message("query failed"));
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::column_text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    int size = sqlite3_column_bytes(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size))
                : std::string();
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return column_text(column);
}

std::optional<std::int64_t> Statement::column_optional_int(int column) const {
    if (is_null(column)) return std::nullopt;
    return column_int(column);
}

std::optional<double> Statement::column_optional_double(int column) const {
    if (is_null(column)) return std::nullopt;
    return column_double(column);
}

}  // namespace rapport
