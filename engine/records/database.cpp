#include "engine/records/database.h"

#include "engine/base/paths.h"
#include "engine/base/private_file.h"
#include "engine/base/utf8.h"
#include "engine/records/schema.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <utility>

namespace rapport {
namespace fs = std::filesystem;

namespace {

// How long a write waits for another program's write to finish before
// giving up with "database is locked": long enough for a whole import of
// years of records, so a `contact add` during one just waits.
constexpr int kBusyTimeoutMs = 120'000;

// Creates an empty file readable only by its owner, so the database (and the
// -wal/-shm files SQLite derives from it) are never readable by others.
void create_private_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        throw Error("cannot create database " + path.string() + ": " + std::strerror(errno));
    if (fd >= 0) ::close(fd);
}

bool owner_may_write(const fs::path& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && (st.st_mode & S_IWUSR) != 0;
}

bool exists_non_empty(const fs::path& path) {
    std::error_code ec;
    return fs::exists(path, ec) && fs::file_size(path, ec) > 0 && !ec;
}

// The user made the file or its folder read-only (chmod): respect that. The
// mode bits, not access(), decide, so it holds for root too.
bool meant_read_only(const fs::path& path) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    return !owner_may_write(path) || !owner_may_write(folder);
}

}  // namespace

// ---------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------

Database::Database(sqlite3* db, fs::path path) : db_(db), path_(std::move(path)) {}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      read_only_(other.read_only_) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (db_) sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        read_only_ = other.read_only_;
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
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
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

fs::path resolve_database_path(const fs::path& path) {
    std::error_code ec;
    // A link to the database: work on the file it points to, so backups and
    // restores happen beside the real file and never replace the link.
    if (fs::is_symlink(path, ec)) {
        const fs::path target = fs::canonical(path, ec);
        if (!ec) return target;
    }
    return path;
}

Database Database::open(const fs::path& given_path, const OpenOptions& options) {
    const fs::path path = resolve_database_path(given_path);
    std::error_code ec;
    if (fs::exists(path, ec) && !fs::is_regular_file(path, ec))
        throw Error(path.string() + " is not a regular file (a device or folder?); it was left "
                    "unchanged");
    if (fs::exists(path, ec) && meant_read_only(path)) return open_read_only(path);
    if (path.has_parent_path()) ensure_private_dir(path.parent_path());
    create_private_file(path);
    remove_stale_temp_files(path);  // left by a restore that was killed

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

    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace, ec);
    return db;
}

Database Database::open_read_only(const fs::path& path) {
    // Without a -wal to read, open the file as immutable: SQLite then creates
    // no -wal/-shm (which would inherit the read-only mode and break later
    // writes) and needs no write access to the folder. With a -wal, read it
    // too, so the newest committed changes are seen.
    const bool has_wal = exists_non_empty(fs::path(path.string() + "-wal"));
    std::string uri = "file:";
    for (char c : path.string()) {
        // Characters with a meaning in URIs are percent-encoded.
        if (c == '%' || c == '?' || c == '#') {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
            uri += buf;
        } else {
            uri += c;
        }
    }
    uri += has_wal ? "?mode=ro" : "?mode=ro&immutable=1";
    Database db = open_connection(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    db.path_ = path;
    db.read_only_ = true;
    const FileIdentity id = read_identity(db);
    if (check_identity(db, id))
        throw Error(path.string() + " is read-only and empty: not a Rapport database");
    if (id.user_version < latest_schema_version())
        throw Error(path.string() + " is read-only and needs an update to this Rapport's "
                    "format; make it writable (chmod u+w) and run again");
    db.verify_integrity();  // reading only: a damaged file is refused as in open()
    db.exec("PRAGMA foreign_keys = ON");
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
    // The last guard: every stored text is UTF-8 (callers name the field first).
    if (!is_valid_utf8(value))
        throw Error("text to store is not valid UTF-8 (value " + std::to_string(index) + ")");
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

std::uint64_t Database::change_stamp() {
    Statement st(*this, "PRAGMA data_version");  // moves when another connection commits
    st.step();
    const auto others = static_cast<std::uint64_t>(st.column_int(0));
    const auto ours = static_cast<std::uint64_t>(sqlite3_total_changes64(db_));
    return (others << 40) ^ ours;
}

void Statement::read(int column, LocalDateTime& out) const {
    const char* name = sqlite3_column_name(stmt_, column);
    out = parse_stored_date_time(column_text(column), name ? name : "date");
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
