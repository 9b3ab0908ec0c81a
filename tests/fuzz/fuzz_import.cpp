// import on arbitrary bytes, into a real database: a refused import leaves
// the database as it was, and whatever was imported exports again.
#include "engine/base/json_source.h"
#include "engine/records/data_export.h"
#include "engine/records/database.h"
#include "tests/fuzz/fuzz_support.h"

#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace rapport;

namespace {

Database& database() {
    static Database db = [] {
        const fs::path dir =
            fs::temp_directory_path() / ("rapport-fuzz-import-" + std::to_string(getpid()));
        fs::remove_all(dir);
        return Database::open(dir / "fuzz.db");
    }();
    return db;
}

std::int64_t records(Database& db) {
    Statement st = db.prepare("SELECT (SELECT count(*) FROM contacts) + "
                              "(SELECT count(*) FROM meetings) + (SELECT count(*) FROM outreach)");
    st.step();
    return st.column_int(0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Database& db = database();
    bool imported = false;
    fuzz::refusing([&] {
        import_export(db, fuzz::as_text(data, size), "fuzz.json");
        imported = true;
    });
    if (!imported && records(db) != 0) fuzz::fail("a refused import left records behind");
    if (imported) {
        (void)json_text(export_all(db), 2);
        db.exec("DELETE FROM outreach; DELETE FROM meetings; DELETE FROM contacts; "
                "DELETE FROM settings;");
    }
    return 0;
}
