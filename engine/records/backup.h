// Daily rolling backups of the database, and restoring one.
//
// Backups live next to the database, in <db folder>/backups/, named
// <db stem>-YYYY-MM-DD.db (the local date), mode 0600. The first time a
// database is used on a given day, backup_if_due() checks the whole file's
// integrity (PRAGMA quick_check — a damaged file must never push a good
// backup out), copies it with SQLite's online backup API (consistent even
// while another program writes), and keeps the newest kBackupsKept.
//
// restore_backup() never deletes anything: the current file (with its -wal)
// is moved aside as <db>.before-restore-YYYYMMDD-HHMMSS first. Close the
// desktop app before restoring.
#pragma once

#include "engine/records/database.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

inline constexpr int kBackupsKept = 7;

struct BackupFile {
    std::filesystem::path path;
    std::string date;  // YYYY-MM-DD
};

std::filesystem::path backup_folder(const std::filesystem::path& db_path);

// Newest first.
std::vector<BackupFile> list_backups(const std::filesystem::path& db_path);

// Takes today's backup unless there is one, then prunes to the newest
// kBackupsKept. Returns the new backup, or nothing when today's existed or
// could not be written. A backup that cannot be written (a full disk, a
// read-only folder) must not stop the user from reading or exporting their
// data: the reason goes to *warning (when given) and the caller goes on.
// Temporary files a killed backup left behind are removed first.
// Throws rapport::Error when the database is damaged (no backup is made).
std::optional<std::filesystem::path> backup_if_due(Database& db, std::string* warning = nullptr);

// Copies the database to the backup for `date` (YYYY-MM-DD), replacing one
// of that date. Returns its path.
std::filesystem::path backup_now(Database& db, const std::string& date);

// Checks that `backup` is an intact Rapport database this program can read,
// moves the current database aside and puts the backup in its place.
// Returns where the previous file went (empty when there was none). Throws
// rapport::Error, with nothing moved, when the backup is unusable.
std::filesystem::path restore_backup(const std::filesystem::path& db_path,
                                     const std::filesystem::path& backup);

}  // namespace rapport
