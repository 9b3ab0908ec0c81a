// The database schema as a list of forward migrations.
//
// Each migration moves a database from version-1 to version (PRAGMA
// user_version). Database::open() applies the missing ones in one transaction.
// Never edit a migration that has shipped: add a new one.
#pragma once

#include <span>

namespace rapport {

struct Migration {
    int version;
    const char* sql;
};

std::span<const Migration> schema_migrations();
int latest_schema_version();

}  // namespace rapport
