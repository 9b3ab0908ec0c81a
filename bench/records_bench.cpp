// Records benchmark: a database with 100,000 meetings (each with a question
// sheet and a debrief) over 5,000 contacts; measures opening the database and
// searching it.
//
// Usage: records_bench [DB_PATH]   (default: a fresh file under /tmp; an
// existing file at DB_PATH with the records is reused, so a second run only
// measures). Targets: open < 50 ms, search < 10 ms.
#include "engine/records/backup.h"
#include "engine/records/contacts.h"
#include "engine/records/database.h"
#include "engine/records/debriefs.h"
#include "engine/records/meetings.h"
#include "engine/records/search.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace rapport;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kContacts = 5000;
constexpr int kMeetings = 100000;

const char* kFirst[] = {"Zoë", "Amélie", "Jean", "Chloé", "Noah", "Léa", "Omar", "Inès",
                        "Lucas", "Maëlle", "Sam", "Hélène", "Mateo", "Priya", "Björn", "Aoife"};
const char* kLast[] = {"Martin", "Bernard", "Dubois", "Ng", "Okafor", "Müller", "Garcia",
                       "Lefèvre", "Rossi", "Kowalski", "Nakamura", "Silva", "Moreau", "Haddad"};
const char* kCompanies[] = {"Acme", "Northwind", "Hôpital Saint-Luc", "Banque Laurentienne",
                            "Studio Pixel", "Ville de Montréal", "BioNova", "Écoles du Nord"};
const char* kWords[] = {"advice", "trends", "training", "certification", "association", "culture",
                        "mentor", "budget", "hiring", "portfolio", "réseau", "conseil",
                        "formation", "stage", "team", "lively", "quiet", "formal", "relaxed",
                        "conference", "volunteer", "project", "startup", "research", "clients",
                        "design", "nursing", "finance", "teaching", "logistics", "marketing"};

template <size_t N>
const char* pick(const char* (&list)[N], std::mt19937& rng) {
    return list[rng() % N];
}

std::string sentence(std::mt19937& rng, int words) {
    std::string s;
    for (int i = 0; i < words; ++i) s += std::string(i ? " " : "") + pick(kWords, rng);
    return s;
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void populate(Database& db) {
    std::mt19937 rng(42);
    DebriefChecklist checklist;
    checklist.file = "bench";
    checklist.items = {{"new-questions", "text", "?", {}}, {"next-steps", "text", "?", {}}};
    const auto start = Clock::now();
    db.transaction([&] {
        for (int i = 0; i < kContacts; ++i) {
            Contact c;
            c.name = std::string(pick(kFirst, rng)) + " " + pick(kLast, rng);
            c.company = pick(kCompanies, rng);
            c.role = sentence(rng, 2);
            c.notes = sentence(rng, 12);
            c.tags = {pick(kWords, rng)};
            add_contact(db, c);
        }
        // One contact the searches look for.
        Contact zoe;
        zoe.name = "Zoë Ångström";
        zoe.company = "Observatoire";
        add_contact(db, zoe);
        for (int i = 0; i < kMeetings; ++i) {
            Meeting m;
            m.contact_id = 1 + static_cast<int>(rng() % kContacts);
            m.at = local_from_utc(1600000000 + std::int64_t{i} * 3600);
            m.place = pick(kCompanies, rng);
            m.notes = sentence(rng, 20);
            for (int q = 0; q < 5; ++q)
                m.sheet.push_back({"q" + std::to_string(q), sentence(rng, 10), "advice", 3.0, false, false});
            const auto id = add_meeting(db, m);
            DebriefChanges d;
            d.notes = sentence(rng, 30);
            d.answers = {{"new-questions", sentence(rng, 8)}, {"next-steps", sentence(rng, 8)}};
            update_debrief(db, id, d, checklist);
        }
    });
    std::printf("populated %d contacts, %d meetings with sheets and debriefs in %.1f s\n",
                kContacts + 1, kMeetings, ms_since(start) / 1000);
}

struct Figures {
    double median, worst;
};

template <class Fn>
Figures measure(int runs, Fn&& fn) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        fn();
        times.push_back(ms_since(start));
    }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times.back()};
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path path = argc > 1 ? fs::path(argv[1])
                                   : fs::temp_directory_path() / "rapport-records-bench" / "bench.db";
    {
        Database db = Database::open(path);
        std::int64_t meetings = 0;
        {
            Statement count = db.prepare("SELECT count(*) FROM meetings");
            count.step();
            meetings = count.column_int(0);
        }
        if (meetings < kMeetings) populate(db);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::error_code ec;
    std::printf("database: %s, %.1f MB\n", path.c_str(),
                static_cast<double>(fs::file_size(path, ec)) / 1e6);

    const auto open = measure(20, [&] { Database db = Database::open(path); });
    std::printf("open (Database::open, median of 20): %.2f ms (worst %.2f ms)  target < 50 ms\n",
                open.median, open.worst);

    Database db = Database::open(path);
    const auto full_check = measure(3, [&] { db.verify_integrity(); });
    std::printf("full PRAGMA quick_check (daily, before the backup): %.1f ms\n", full_check.median);
    const auto backup = measure(1, [&] { backup_now(db, "1999-01-01"); });
    std::printf("online backup copy: %.1f ms\n", backup.median);
    fs::remove(backup_folder(path) / (path.stem().string() + "-1999-01-01.db"), ec);

    const char* queries[] = {"zoe angstrom", "Ångström", "lefevre conseil", "certification",
                             "advice", "montreal", "ang"};
    for (const char* q : queries) {
        size_t hits = 0;
        const auto t = measure(30, [&] { hits = search(db, q).size(); });
        std::printf("search %-18s %2zu hits: median %.2f ms, worst %.2f ms  target < 10 ms\n",
                    (std::string("\"") + q + "\"").c_str(), hits, t.median, t.worst);
    }
    return 0;
}
