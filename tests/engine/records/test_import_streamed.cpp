// Years of records: the import of a large export (read one record at a
// time, with progress, all or nothing wherever it fails, the same database
// as a whole-document import: records, links and search index), and the
// lists the app reads in one query instead of one per record.
#include "engine/records/contacts.h"
#include "engine/records/data_export.h"
#include "engine/records/debriefs.h"
#include "engine/records/meetings.h"
#include "engine/records/search.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rapport;
using rapport::test::TempDir;
using ojson = nlohmann::ordered_json;

namespace {

// An export of `contacts` contacts and twice as many meetings (sheets,
// debriefs with referrals), outreach with follow-ups, and links that point
// forward in the file (a contact referred by a later one).
ojson generated_export(int contacts) {
    ojson doc{{"format", "rapport-export"}, {"format_version", 1},
              {"settings", {{"profile.name", "Sam Ng"}}}};
    ojson people = ojson::array(), meetings = ojson::array(), outreach = ojson::array();
    for (int i = 1; i <= contacts; ++i) {
        ojson c{{"id", i * 3},
                {"name", "Zoë Ångström " + std::to_string(i)},
                {"company", i % 2 ? "Ville de Montréal" : "Studio Pixel"},
                {"tags", {"urbanisme", "tag" + std::to_string(i % 5)}},
                {"notes", "met at the transit forum"}};
        if (i < contacts) c["referred_by"] = (i + 1) * 3;  // the next one, later in the file
        people.push_back(c);
    }
    for (int i = 1; i <= 2 * contacts; ++i) {
        ojson m{{"id", i * 2},
                {"contact_id", ((i % contacts) + 1) * 3},
                {"at", "2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "T10:30+00:00"},
                {"minutes", 20},
                {"mode", "video"},
                {"status", i % 10 == 0 ? "planned" : "done"},
                {"notes", "went well " + std::to_string(i)},
                {"sheet",
                 {{{"id", "q1"}, {"text", "Quelles tendances voyez-vous ?"}, {"stage", "opening"}},
                  {{"id", "q2"}, {"text", "What surprised you in year " + std::to_string(i) + "?"}}}}};
        if (i % 2 == 0)
            m["debrief"] = {{"answers", {{"learned", "consultations first " + std::to_string(i)}}},
                            {"notes", "send the map"},
                            {"thank_you_sent_at",
                             i % 4 == 0 ? ojson("2024-03-02T08:00+00:00") : ojson(nullptr)},
                            {"referrals",
                             {{{"id", i}, {"name", "Inès Haddad"}, {"contact_id", 3}}}}};
        meetings.push_back(m);
    }
    for (int i = 1; i <= contacts / 2; ++i) {
        ojson o{{"id", i},
                {"contact_id", i * 3},
                {"sent_at", "2024-02-01T09:00+00:00"},
                {"channel", "email"}};
        if (i > 1) o["follow_up_of"] = i - 1;
        outreach.push_back(o);
    }
    // Fixed times: left out, they would be the time of the import.
    const auto stamp = [](ojson& record) {
        record["created_at"] = "2024-01-01T00:00:00Z";
        if (!record.contains("channel")) record["updated_at"] = "2024-01-02T00:00:00Z";
    };
    for (auto* list : {&people, &meetings, &outreach})
        for (auto& record : *list) {
            stamp(record);
            if (record.contains("debrief")) stamp(record["debrief"]);
        }
    doc["contacts"] = people;
    doc["meetings"] = meetings;
    doc["outreach"] = outreach;
    doc["personal_words"] = {"géomatique"};
    return doc;
}

ojson without_export_time(ojson doc) {
    doc.erase("exported_at");
    return doc;
}

// The search index holds exactly what the records say, row for row.
bool search_index_matches_records(Database& db) {
    const char* documents =
        "SELECT doc, title, body FROM contact_documents UNION ALL "
        "SELECT doc, title, body FROM meeting_documents UNION ALL "
        "SELECT doc, title, body FROM debrief_documents";
    Statement st = db.prepare(std::string("SELECT (SELECT count(*) FROM (") + documents +
                              ")), (SELECT count(*) FROM search_index), (SELECT count(*) FROM (" +
                              documents +
                              " EXCEPT SELECT rowid, title, body FROM search_index))");
    st.step();
    return st.column_int(0) == st.column_int(1) && st.column_int(2) == 0;
}

std::int64_t trigger_count(Database& db) {
    Statement st = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
    st.step();
    return st.column_int(0);
}

}  // namespace

TEST_CASE("an import reports its progress, from the first records to the whole file") {
    TempDir tmp;
    Database db = Database::open(tmp / "r.db");
    const std::string text = generated_export(300).dump(1);
    std::vector<ImportProgress> reports;
    const auto summary =
        import_export(db, text, "big.json", [&](const ImportProgress& p) { reports.push_back(p); });
    CHECK(summary.contacts == 300);
    CHECK(summary.meetings == 600);
    REQUIRE(reports.size() > 20);
    CHECK(reports.size() <= 102);  // about every 1 %, not every record
    for (size_t i = 1; i < reports.size(); ++i) {
        CHECK(reports[i].bytes_read >= reports[i - 1].bytes_read);
        CHECK(reports[i].contacts + reports[i].meetings >=
              reports[i - 1].contacts + reports[i - 1].meetings);
    }
    CHECK(reports.front().bytes_total == text.size());
    CHECK(reports.front().bytes_read < text.size() / 10);
    CHECK(reports.back().bytes_read == text.size());
    CHECK(reports.back().contacts == 300);
    CHECK(reports.back().meetings == 600);
    // Half way through the file, part of the meetings are in.
    const auto middle = std::find_if(reports.begin(), reports.end(), [&](const ImportProgress& p) {
        return p.bytes_read >= text.size() / 2;
    });
    REQUIRE(middle != reports.end());
    CHECK(middle->contacts == 300);
    CHECK(middle->meetings > 0);
    CHECK(middle->meetings < 600);
}

TEST_CASE("an import that fails at any point leaves the database as it was") {
    TempDir tmp;
    Database db = Database::open(tmp / "r.db");
    Contact keep;
    keep.name = "Already here";
    add_contact(db, keep);
    const auto before = without_export_time(export_all(db));
    const auto triggers = trigger_count(db);
    ojson doc = generated_export(200);
    std::string text;
    std::string expected;  // in the message
    ImportProgressHandler progress;

    SUBCASE("the first contact") {
        doc["contacts"][0]["name"] = "";
        expected = "big.json:";
    }
    SUBCASE("a contact in the middle") {
        doc["contacts"][100]["tags"] = "not a list";
        expected = "/contacts/100/tags";
    }
    SUBCASE("a forward link to a contact not in the file") {
        doc["contacts"][150]["referred_by"] = 99999;
        expected = "/contacts/150/referred_by: no contact with id 99999";
    }
    SUBCASE("the last meeting") {
        doc["meetings"][399]["mode"] = "telepathy";
        expected = "/meetings/399";
    }
    SUBCASE("the last outreach's follow-up") {
        doc["outreach"][99]["follow_up_of"] = 5000;
        expected = "/outreach/99/follow_up_of";
    }
    SUBCASE("a personal word after every record") {
        doc["personal_words"] = {"two words"};
        expected = "/personal_words/0";
    }
    SUBCASE("the header, written after the records") {
        doc.erase("format");
        doc["format"] = "something else";
        expected = "/format";
    }
    SUBCASE("a syntax error at the very end") {
        text = doc.dump(1);
        text.pop_back();
        expected = "invalid JSON";
    }
    SUBCASE("cancelled from the progress report half way") {
        progress = [](const ImportProgress& p) {
            if (p.meetings > 100) throw Error("cancelled");
        };
        expected = "cancelled";
    }
    if (text.empty()) text = doc.dump(1);
    CHECK_THROWS_WITH_AS(import_export(db, text, "big.json", progress),
                         doctest::Contains(expected.c_str()), Error);
    CHECK(without_export_time(export_all(db)) == before);
    CHECK(trigger_count(db) == triggers);
    CHECK(search_index_matches_records(db));
    // The index is kept up to date again after the failed import.
    Contact next;
    next.name = "Chloé Lefèvre";
    add_contact(db, next);
    CHECK(search(db, "chloe").size() == 1);
}

TEST_CASE("a streamed import gives the same records and search index, in any key order") {
    TempDir tmp;
    const ojson doc = generated_export(40);
    Database first = Database::open(tmp / "a.db");
    const auto triggers = trigger_count(first);
    const auto summary = import_export(first, doc.dump(2), "a.json");
    CHECK(summary.ids_kept);
    CHECK(summary.contacts == 40);
    CHECK(summary.meetings == 80);
    CHECK(summary.debriefs == 40);
    CHECK(summary.outreach == 20);
    CHECK(summary.personal_words == 1);
    CHECK(trigger_count(first) == triggers);
    CHECK(search_index_matches_records(first));
    const auto exported = without_export_time(export_all(first));
    CHECK(exported["contacts"][0]["referred_by"] == 6);
    CHECK(exported["outreach"][1]["follow_up_of"] == 1);
    CHECK(search(first, "angstrom 7").size() >= 1);

    SUBCASE("keys sorted: contacts after the header, meetings and outreach before the settings") {
        // nlohmann::json (unordered) writes keys in alphabetical order.
        const nlohmann::json sorted = nlohmann::json::parse(doc.dump());
        Database second = Database::open(tmp / "b.db");
        import_export(second, sorted.dump(), "b.json");
        CHECK(without_export_time(export_all(second)) == exported);
        CHECK(search_index_matches_records(second));
    }
    SUBCASE("meetings and outreach before the contacts they point to") {
        ojson reordered{{"outreach", doc["outreach"]}, {"meetings", doc["meetings"]}};
        for (const auto& [key, value] : doc.items())
            if (!reordered.contains(key)) reordered[key] = value;
        Database second = Database::open(tmp / "b.db");
        import_export(second, reordered.dump(), "b.json");
        CHECK(without_export_time(export_all(second)) == exported);
        CHECK(search_index_matches_records(second));
    }
    SUBCASE("into a database with records: new ids, new records searchable, old ones kept") {
        import_export(first, doc.dump(), "again.json");
        const auto twice = export_all(first);
        CHECK(twice["contacts"].size() == 80);
        CHECK(twice["meetings"].size() == 160);
        CHECK(search_index_matches_records(first));
        CHECK(trigger_count(first) == triggers);
        CHECK(count_search_matches(first, "angstrom").contacts == 80);
    }
}

TEST_CASE("lists read in one query give what reading record by record gives") {
    TempDir tmp;
    Database db = Database::open(tmp / "r.db");
    import_export(db, generated_export(60).dump(), "a.json");
    Contact untagged;
    untagged.name = "Aaron Sans Étiquette";
    add_contact(db, untagged);
    Contact retagged;
    retagged.name = "Zed";
    retagged.tags = {"zeta", "alpha", "mu"};
    add_contact(db, retagged);

    const std::vector<Contact> listed = list_contacts(db);
    REQUIRE(listed.size() == 62);
    for (const Contact& c : listed) CHECK(c.tags == get_contact(db, c.id).tags);
    CHECK(listed.front().tags.empty());
    const auto zed = std::find_if(listed.begin(), listed.end(),
                                  [](const Contact& c) { return c.name == "Zed"; });
    REQUIRE(zed != listed.end());
    CHECK(zed->tags == std::vector<std::string>{"alpha", "mu", "zeta"});

    const auto thanked = meetings_thanked(db);
    int expected = 0;
    for (const Meeting& m : list_meetings(db)) {
        const bool sent = get_debrief(db, m.id).thank_you_sent_at.has_value();
        CHECK(thanked.count(m.id) == (sent ? 1u : 0u));
        expected += sent ? 1 : 0;
    }
    CHECK(expected == 30);  // every fourth of 120 meetings
    CHECK(thanked.size() == 30);

    std::vector<std::int64_t> planned, planned_listed;
    for (const Meeting& m : list_meetings(db))
        if (m.status == "planned") planned.push_back(m.id);
    for (const Meeting& m : list_planned_meetings(db)) planned_listed.push_back(m.id);
    CHECK(planned.size() == 12);  // every tenth
    CHECK(planned_listed == planned);
    CHECK(count_contacts(db) == 62);
    CHECK(count_meetings(db) == 120);
}
