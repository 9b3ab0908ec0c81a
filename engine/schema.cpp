#include "engine/schema.h"

namespace rapport {
namespace {

// Version numbers are handed out in order; each block says what it adds.
constexpr Migration kMigrations[] = {
    // 1: key/value settings (user profile, avoid-rule choices, preferences).
    {1, R"sql(
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) STRICT;
    )sql"},
    // 3: elevator pitch scripts and timed practice attempts (self-contained;
    // 2 is reserved for the records tables). An attempt keeps the script's
    // word count at the time it was spoken, so the measured speaking rate stays
    // right after the script is edited; deleting a script keeps its attempts.
    {3, R"sql(
        CREATE TABLE pitch_scripts (
            id             INTEGER PRIMARY KEY,
            title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
            body           TEXT NOT NULL,
            language       TEXT NOT NULL CHECK (language IN ('en', 'fr')),
            target_seconds REAL NOT NULL CHECK (target_seconds > 0),
            created_at     TEXT NOT NULL,
            updated_at     TEXT NOT NULL
        ) STRICT;
        CREATE TABLE pitch_attempts (
            id             INTEGER PRIMARY KEY,
            script_id      INTEGER REFERENCES pitch_scripts(id) ON DELETE SET NULL,
            target_seconds REAL NOT NULL CHECK (target_seconds > 0),
            seconds        REAL NOT NULL CHECK (seconds > 0),
            words          INTEGER CHECK (words >= 0),
            at             TEXT NOT NULL,
            rating         INTEGER CHECK (rating BETWEEN 1 AND 5),
            note           TEXT
        ) STRICT;
        CREATE INDEX pitch_attempts_by_script ON pitch_attempts(script_id, at);
    )sql"},
};

}  // namespace

std::span<const Migration> schema_migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

}  // namespace rapport
