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
};

}  // namespace

std::span<const Migration> schema_migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

}  // namespace rapport
