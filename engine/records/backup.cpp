#include "engine/records/backup.h"

#include "engine/base/local_time.h"
#include "engine/base/paths.h"
#include "engine/base/private_file.h"

#include <sqlite3.h>

#include <algorithm>

namespace rapport {
namespace fs = std::filesystem;

namespace {

std::string backup_prefix(const fs::path& db_path) { return db_path.stem().string() + "-"; }

// Copies the whole database behind `source` into the file `target` with the
// online backup API, then makes the copy a self-contained single file.
void copy_database(sqlite3* source, const fs::path& target) {
    sqlite3* dest = nullptr;
    const int rc = sqlite3_open_v2(target.c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr);
    Database owner = Database::adopt(dest, target);
    if (rc != SQLITE_OK) throw Error(owner.error_message("cannot open backup file"));
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
    if (!backup) throw Error(owner.error_message("cannot start the backup"));
    int step = SQLITE_OK;
    // Retry while another connection briefly holds a lock.
    do {
        step = sqlite3_backup_step(backup, -1);
        if (step == SQLITE_BUSY || step == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE)
        throw Error(target.string() + ": backup failed: " + sqlite3_errstr(step));
    owner.exec("PRAGMA journal_mode = DELETE");
}

void rename_if_present(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    if (!fs::exists(from, ec)) return;
    fs::rename(from, to, ec);
    if (ec) throw Error("cannot move " + from.string() + " to " + to.string() + ": " + ec.message());
}

fs::path with_suffix(const fs::path& path, const std::string& suffix) {
    return fs::path(path.string() + suffix);
}

}  // namespace

fs::path backup_folder(const fs::path& db_path) {
    return (db_path.has_parent_path() ? db_path.parent_path() : fs::path(".")) / "backups";
}

std::vector<BackupFile> list_backups(const fs::path& db_path) {
    const fs::path folder = backup_folder(db_path);
    const std::string prefix = backup_prefix(db_path);
    std::vector<BackupFile> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string file = entry.path().filename().string();
        // <prefix>YYYY-MM-DD.db
        if (!entry.is_regular_file(ec) || file.size() != prefix.size() + 13 ||
            file.compare(0, prefix.size(), prefix) != 0 || !file.ends_with(".db"))
            continue;
        const std::string date = file.substr(prefix.size(), 10);
        if (is_iso_date(date)) out.push_back({entry.path(), date});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date > b.date; });
    return out;
}

fs::path backup_now(Database& db, const std::string& date) {
    const fs::path folder = backup_folder(db.path());
    ensure_private_dir(folder);
    const fs::path target = folder / (backup_prefix(db.path()) + date + ".db");
    write_private_file_with(target, [&](const fs::path& temp) { copy_database(db.handle(), temp); });
    return target;
}

std::optional<fs::path> backup_if_due(Database& db, std::string* warning) {
    const std::string today = now_local().date();
    const auto existing = list_backups(db.path());
    if (!existing.empty() && existing.front().date >= today) return std::nullopt;
    db.verify_integrity();
    fs::path made;
    try {
        const fs::path target = backup_folder(db.path()) / (backup_prefix(db.path()) + today + ".db");
        remove_stale_temp_files(target);
        made = backup_now(db, today);
    } catch (const Error& e) {
        if (warning) *warning = std::string("no backup today: ") + e.what();
        return std::nullopt;
    }
    const auto all = list_backups(db.path());
    for (size_t i = kBackupsKept; i < all.size(); ++i) {
        std::error_code ec;
        fs::remove(all[i].path, ec);
    }
    return made;
}

fs::path restore_backup(const fs::path& db_path, const fs::path& backup) {
    Database::verify_file(backup);
    // Build the restored file completely before touching the current one.
    const fs::path temp = create_private_temp_file(db_path);
    try {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(backup.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        Database source = Database::adopt(raw, backup);
        if (rc != SQLITE_OK) throw Error(source.error_message("cannot open backup"));
        copy_database(source.handle(), temp);
        sync_file_and_folder(temp);
    } catch (...) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw;
    }
    fs::path aside;
    std::error_code ec;
    if (fs::exists(db_path, ec)) {
        aside = with_suffix(db_path, ".before-restore-" + now_local_stamp());
        // The -wal may hold committed changes: it moves first, with its file.
        rename_if_present(with_suffix(db_path, "-wal"), with_suffix(aside, "-wal"));
        rename_if_present(db_path, aside);
        fs::remove(with_suffix(db_path, "-shm"), ec);
    }
    fs::rename(temp, db_path, ec);
    if (ec) throw Error("cannot put the backup in place at " + db_path.string() + ": " + ec.message());
    sync_file_and_folder(db_path);
    return aside;
}

}  // namespace rapport
