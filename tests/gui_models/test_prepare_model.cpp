// The Prepare screen's model on the real shipped banks and a temp database:
// tag search, the sheet and the user's changes to it, the live avoid check
// of your own question, exports and keeping the preparation between runs.
#include "engine/questions/avoid.h"
#include "engine/records/contacts.h"
#include "engine/base/local_time.h"
#include "engine/records/meetings.h"
#include "engine/records/database.h"
#include "engine/base/error.h"
#include "engine/records/profile.h"
#include "engine/records/settings.h"
#include "gui/models/prepare_model.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::test;

namespace {

fs::path shipped() { return source_dir() / "question-banks"; }

struct Fixture {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    PrepareModel model{shipped(), &db};
};

std::vector<std::string> labels(const std::vector<const Tag*>& tags) {
    std::vector<std::string> out;
    for (const Tag* t : tags) out.push_back(t->label);
    return out;
}

std::vector<std::string> ids_of(const Sheet& sheet) {
    std::vector<std::string> ids;
    for (const auto& item : sheet.items) ids.push_back(item.id);
    return ids;
}

const SheetItem* item_with_id(const Sheet& sheet, const std::string& id) {
    for (const auto& item : sheet.items)
        if (item.id == id) return &item;
    return nullptr;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// A stage that holds at least two questions on the sheet: the first of them.
size_t first_of_shared_stage(const Sheet& sheet) {
    for (size_t i = 0; i + 1 < sheet.items.size(); ++i)
        if (sheet.items[i].stage == sheet.items[i + 1].stage) return i;
    FAIL("no stage holds two questions");
    return 0;
}

void choose_technology_exploring(PrepareModel& model) {
    model.toggle_tag(TagKind::industry, "technology");
    model.toggle_tag(TagKind::goal, "explore-field");
    REQUIRE(model.has_sheet());
}

}  // namespace

TEST_CASE("tag search ignores case and accents and puts prefixes first") {
    Fixture f;
    CHECK(f.model.load_problems().empty());
    CHECK(labels(f.model.search_tags(TagKind::industry, "HEALTH")) ==
          std::vector<std::string>{"Healthcare"});
    // "public" is inside "Government and public service", not at its start.
    CHECK(contains(labels(f.model.search_tags(TagKind::industry, "public")),
                   "Government and public service"));
    CHECK(f.model.search_tags(TagKind::industry, "").size() == f.model.tags()->industries.size());
    CHECK(f.model.search_tags(TagKind::goal, "zzz").empty());
    const auto e_tags = labels(f.model.search_tags(TagKind::industry, "e"));
    REQUIRE(e_tags.size() > 2);
    CHECK(e_tags.front().rfind("E", 0) == 0);  // Education, Engineering, Energy before Healthcare
    // Keywords: "urban" and "city" find the public sector, "UX" the design tag.
    CHECK(contains(labels(f.model.search_tags(TagKind::industry, "urban")), "Government and public service"));
    CHECK(contains(labels(f.model.search_tags(TagKind::industry, "city")), "Government and public service"));
    CHECK(contains(labels(f.model.search_tags(TagKind::industry, "ux")), "Design and UX"));

    f.model.set_lang("fr");
    CHECK(labels(f.model.search_tags(TagKind::industry, "energie")) ==
          std::vector<std::string>{"Énergie"});
    CHECK(contains(labels(f.model.search_tags(TagKind::industry, "INGÉ")), "Ingénierie"));
    CHECK(contains(labels(f.model.search_tags(TagKind::industry, "education")), "Éducation"));
    CHECK(contains(labels(f.model.search_tags(TagKind::industry, "urbanisme")), "Fonction publique"));
}

TEST_CASE("the sheet fits the budget, is grouped by stage and says why") {
    Fixture f;
    CHECK_FALSE(f.model.has_sheet());  // nothing chosen yet
    f.model.toggle_tag(TagKind::industry, "healthcare");
    CHECK_FALSE(f.model.has_sheet());  // still no goal
    f.model.toggle_tag(TagKind::goal, "change-careers");
    f.model.set_minutes(30);
    REQUIRE(f.model.has_sheet());
    const Sheet& sheet = f.model.sheet();
    CHECK(sheet.budget_minutes == 24);
    CHECK(sheet.total_minutes <= sheet.budget_minutes);
    CHECK(static_cast<int>(sheet.items.size()) == max_questions(30));  // one per 3 minutes
    CHECK(sheet.items.front().stage == Stage::opening);
    CHECK(sheet.items.back().stage == Stage::closing);
    for (size_t i = 1; i < sheet.items.size(); ++i)
        CHECK(sheet.items[i - 1].stage <= sheet.items[i].stage);
    for (const auto& item : sheet.items) CHECK_FALSE(item.why.empty());

    f.model.set_minutes(10);
    CHECK(f.model.sheet().total_minutes <= 8);
    f.model.set_minutes(1000);  // clamped to what the engine accepts
    CHECK(f.model.minutes() == kMaxMeetingMinutes);
    CHECK(f.model.error().empty());
}

TEST_CASE("bank questions the avoid check rates 'avoid' never reach the sheet") {
    // A user bank with a top-priority question that is one to avoid.
    TempDir banks;
    fs::copy(shipped(), banks.path(), fs::copy_options::recursive);
    write_file(banks / "questions.zz-extra.en.json", R"({"lang":"en","questions":[
      {"id":"bad-openings","text":"Are there any openings on your team?","stage":"advice",
       "industries":["technology"],"goals":["explore-field"],"minutes":1,"priority":1}]})");
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");

    BankLoad load = load_banks({banks.path()});
    SheetRequest unfiltered;
    unfiltered.industries = {"technology"};
    unfiltered.goals = {"explore-field"};
    const Sheet raw = build_sheet(load.banks, unfiltered);
    REQUIRE(contains(ids_of(raw), "bad-openings"));  // the engine alone would pick it

    PrepareModel model(banks.path(), &db);
    choose_technology_exploring(model);
    CHECK_FALSE(contains(ids_of(model.sheet()), "bad-openings"));
    AvoidChecker checker(load_avoid_rules(shipped(), Language::english));
    for (const auto& item : model.sheet().items) CHECK(checker.check(item.text).verdict != Verdict::avoid);

    // The user's choice turns the rule off: then the question may come back.
    save_rule_choice(db, "job-request", RuleChoice::off);
    PrepareModel relaxed(banks.path(), &db);
    choose_technology_exploring(relaxed);
    CHECK(contains(ids_of(relaxed.sheet()), "bad-openings"));
}

TEST_CASE("remove, pin, restore") {
    Fixture f;
    choose_technology_exploring(f.model);
    const std::string removed = f.model.sheet().items[1].id;
    f.model.remove(removed);
    CHECK_FALSE(contains(ids_of(f.model.sheet()), removed));
    CHECK(f.model.removed_count() == 1);
    f.model.set_minutes(25);  // regeneration keeps it off
    CHECK_FALSE(contains(ids_of(f.model.sheet()), removed));
    f.model.restore_removed();
    CHECK(f.model.removed_count() == 0);

    // A pinned question stays through changes that would otherwise drop it.
    f.model.set_minutes(40);
    const std::string pinned = f.model.sheet().items[f.model.sheet().items.size() / 2].id;
    f.model.toggle_pin(pinned);
    CHECK(f.model.is_pinned(pinned));
    f.model.set_minutes(5);
    CHECK(contains(ids_of(f.model.sheet()), pinned));
    CHECK(contains(item_with_id(f.model.sheet(), pinned)->why, "pinned by you"));
    f.model.toggle_pin(pinned);
    CHECK_FALSE(f.model.is_pinned(pinned));
}

TEST_CASE("moving a question keeps the user's order through regeneration") {
    Fixture f;
    f.model.set_minutes(40);
    choose_technology_exploring(f.model);
    const size_t i = first_of_shared_stage(f.model.sheet());
    const std::string a = f.model.sheet().items[i].id, b = f.model.sheet().items[i + 1].id;
    CHECK_FALSE(f.model.can_move(f.model.sheet().items.front().id, -1));  // nothing above the first
    CHECK(f.model.move(b, -1));
    CHECK(f.model.sheet().items[i].id == b);
    CHECK(f.model.sheet().items[i + 1].id == a);
    // Moving never crosses into another stage.
    const std::string last = f.model.sheet().items.back().id;
    CHECK_FALSE(f.model.move(last, +1));

    // Another goal regenerates the sheet: b still comes before a.
    f.model.toggle_tag(TagKind::goal, "day-to-day");
    const auto ids = ids_of(f.model.sheet());
    const auto pos_a = std::find(ids.begin(), ids.end(), a), pos_b = std::find(ids.begin(), ids.end(), b);
    if (pos_a != ids.end() && pos_b != ids.end()) CHECK(pos_b < pos_a);
    f.model.toggle_tag(TagKind::goal, "day-to-day");
    const auto back = ids_of(f.model.sheet());
    CHECK(std::find(back.begin(), back.end(), b) < std::find(back.begin(), back.end(), a));
}

TEST_CASE("swap offers questions of the same stage and puts the choice in place") {
    Fixture f;
    f.model.set_minutes(30);
    choose_technology_exploring(f.model);
    const size_t i = first_of_shared_stage(f.model.sheet());
    const SheetItem old = f.model.sheet().items[i];
    const auto options = f.model.swap_options(old.id);
    REQUIRE(options.size() >= 2);
    AvoidChecker checker(load_avoid_rules(shipped(), Language::english));
    for (const auto& option : options) {
        CHECK_FALSE(contains(ids_of(f.model.sheet()), option.id));
        CHECK(checker.check(option.text).verdict != Verdict::avoid);
    }
    f.model.swap(old.id, options[1].id);
    const SheetItem* now = item_with_id(f.model.sheet(), options[1].id);
    REQUIRE(now != nullptr);
    CHECK(now->stage == old.stage);
    CHECK(f.model.sheet().items[i].id == options[1].id);  // in the old one's place
    CHECK_FALSE(contains(ids_of(f.model.sheet()), old.id));
    CHECK(f.model.is_pinned(options[1].id));
}

// Swap pins (unpinned, the engine would put its own next-best question in the
// slot, not the one the user chose), and says so: last_swapped() names it
// for the screen's message until the next change; Unpin lets the sheet choose.
TEST_CASE("swap pins the chosen question and says so until the sheet changes again") {
    Fixture f;
    f.model.set_minutes(30);
    choose_technology_exploring(f.model);
    CHECK(f.model.last_swapped().empty());
    const size_t i = first_of_shared_stage(f.model.sheet());
    const SheetItem old = f.model.sheet().items[i];
    const auto options = f.model.swap_options(old.id);
    REQUIRE(options.size() >= 2);
    f.model.swap(old.id, options[1].id);
    CHECK(f.model.last_swapped() == options[1].id);
    const SheetItem* now = item_with_id(f.model.sheet(), options[1].id);
    REQUIRE(now != nullptr);
    CHECK(contains(now->why, std::string("pinned by you")));
    // Choosing how to export does not change the sheet: the notice stays.
    f.model.match_export_extension(ExportFormat::html);
    f.model.set_draft("What surprised you?");
    CHECK(f.model.last_swapped() == options[1].id);
    // Unpinned, the slot goes back to the engine's own choice, not the second
    // option the user picked. That is why swap pins.
    f.model.toggle_pin(options[1].id);
    CHECK(f.model.last_swapped().empty());
    CHECK_FALSE(contains(ids_of(f.model.sheet()), options[1].id));
}

// Printable HTML pasted into an email or a note shows its markup: Copy gives
// the plain text then; the other formats copy as they are.
TEST_CASE("Copy with printable HTML chosen copies the plain text") {
    Fixture f;
    choose_technology_exploring(f.model);
    CHECK(PrepareModel::clipboard_format(ExportFormat::html) == ExportFormat::text);
    CHECK(PrepareModel::clipboard_format(ExportFormat::markdown) == ExportFormat::markdown);
    CHECK(PrepareModel::clipboard_format(ExportFormat::text) == ExportFormat::text);
    const std::string copied = f.model.clipboard_text(ExportFormat::html);
    CHECK(copied == f.model.export_text(ExportFormat::text));
    CHECK(copied.find('<') == std::string::npos);
    CHECK(copied.find(f.model.sheet().items.front().text) != std::string::npos);
    CHECK(f.model.clipboard_text(ExportFormat::markdown) == f.model.export_text(ExportFormat::markdown));
}

TEST_CASE("your own question is checked as you type") {
    Fixture f;
    choose_technology_exploring(f.model);

    f.model.set_draft("What do you enjoy most about your work?");
    CHECK(f.model.draft_check().verdict == Verdict::ok);
    CHECK(f.model.draft_check().flags.empty());

    f.model.set_draft("Do you like your job?");
    CHECK(f.model.draft_check().verdict == Verdict::caution);
    REQUIRE_FALSE(f.model.draft_check().flags.empty());
    CHECK(f.model.add_draft() == AddOutcome::added);  // caution never blocks
    CHECK(f.model.sheet().items.size() >= 2);

    // Typed in a hurry: the slips are mended before the check reads it.
    f.model.set_draft("Could you pass my resmue to the hirng manager?");
    CHECK(f.model.draft_check().verdict == Verdict::avoid);

    f.model.set_draft("Any openings on your team?");
    const DraftCheck check = f.model.draft_check();
    REQUIRE(check.verdict == Verdict::avoid);
    REQUIRE_FALSE(check.flags.empty());
    CHECK_FALSE(check.flags[0].reason.empty());
    CHECK_FALSE(check.flags[0].suggestion.empty());
    CHECK(f.model.add_draft() == AddOutcome::needs_confirmation);
    CHECK(f.model.custom_questions().size() == 1);  // not added

    f.model.use_suggestion();
    CHECK(f.model.draft() == check.flags[0].suggestion);
    CHECK(f.model.draft_check().verdict != Verdict::avoid);
    f.model.set_draft_stage(Stage::resources);
    CHECK(f.model.add_draft() == AddOutcome::added);
    CHECK(f.model.draft().empty());

    const SheetItem* mine = item_with_id(f.model.sheet(), "custom-2");
    REQUIRE(mine != nullptr);
    CHECK(mine->text == check.flags[0].suggestion);
    CHECK(mine->stage == Stage::resources);
    CHECK(mine->why == std::vector<std::string>{"added by you"});
    for (size_t k = 1; k < f.model.sheet().items.size(); ++k)
        CHECK(f.model.sheet().items[k - 1].stage <= f.model.sheet().items[k].stage);

    // Confirmed, an avoid question is added after all.
    f.model.set_draft("Any openings on your team?");
    CHECK(f.model.add_draft(true) == AddOutcome::added);
    CHECK(f.model.custom_questions().size() == 3);
    f.model.set_draft("   ");
    CHECK(f.model.add_draft(true) == AddOutcome::empty);

    f.model.remove("custom-3");
    CHECK(f.model.custom_questions().size() == 2);
    CHECK(f.model.export_text(ExportFormat::markdown).find(check.flags[0].suggestion.substr(0, 20)) !=
          std::string::npos);
}

TEST_CASE("the reason shown under an Avoid badge is the avoid flag's, not an earlier caution's") {
    Fixture f;
    // The field-pay caution rule comes first in the rule file, the job ask after it.
    f.model.set_draft("Do juniors earn much, and could you hire me?");
    const DraftCheck check = f.model.draft_check();
    REQUIRE(check.verdict == Verdict::avoid);
    REQUIRE(check.flags.size() == 2);
    CHECK(check.flags[0].severity == Severity::avoid);
    CHECK(check.flags[0].category == "job-request");
    CHECK(check.flags[1].severity == Severity::caution);
    CHECK(check.flags[1].category == "pay");
}

TEST_CASE("exports: the format asked for, mode 0600, no silent overwrite") {
    Fixture f;
    f.model.set_company("Zoë & Co <Montréal>");
    choose_technology_exploring(f.model);
    const std::string md = f.model.export_text(ExportFormat::markdown);
    const std::string html = f.model.export_text(ExportFormat::html);
    const std::string text = f.model.export_text(ExportFormat::text);
    CHECK(md.find("## ") != std::string::npos);
    CHECK(md.find("- [ ] ") != std::string::npos);
    CHECK(html.find("<html") != std::string::npos);
    CHECK(html.find("Zoë &amp; Co &lt;Montréal&gt;") != std::string::npos);
    CHECK(text.find("<li") == std::string::npos);
    CHECK(text.find("- [ ]") == std::string::npos);
    CHECK(text.find(f.model.sheet().items.front().text) != std::string::npos);

    const fs::path target = f.tmp / "sheet.md";
    f.model.set_export_path(target.string());
    f.model.match_export_extension(ExportFormat::html);
    CHECK(f.model.export_path() == (f.tmp / "sheet.html").string());
    f.model.match_export_extension(ExportFormat::markdown);
    REQUIRE(f.model.save_export(ExportFormat::markdown) == SaveOutcome::saved);
    CHECK(read_file(target) == md);
    CHECK(permissions_of(target) == (fs::perms::owner_read | fs::perms::owner_write));

    // It exists now: nothing is written until the user confirms.
    f.model.set_minutes(45);
    CHECK(f.model.save_export(ExportFormat::markdown) == SaveOutcome::needs_confirmation);
    CHECK(read_file(target) == md);
    CHECK(f.model.save_export(ExportFormat::markdown, true) == SaveOutcome::saved);
    CHECK(read_file(target) == f.model.export_text(ExportFormat::markdown));
    CHECK(read_file(target) != md);
    for (const auto& entry : fs::directory_iterator(f.tmp.path()))  // no temp file left behind
        CHECK(entry.path().filename().string().rfind("sheet.md.", 0) != 0);

    f.model.set_export_path((f.tmp / "no-such-folder" / "x.md").string());
    CHECK(f.model.save_export(ExportFormat::markdown) == SaveOutcome::failed);
    CHECK(f.model.export_status().find("no-such-folder") != std::string::npos);
    f.model.set_export_path(f.tmp.path().string());
    CHECK(f.model.save_export(ExportFormat::markdown, true) == SaveOutcome::failed);

    if (::geteuid() != 0) {  // root reads anything
        const fs::path locked = f.tmp / "locked.md";
        write_file(locked, "mine");
        fs::permissions(locked, fs::perms::none);
        f.model.set_export_path(locked.string());
        CHECK(f.model.save_export(ExportFormat::markdown, true) == SaveOutcome::failed);
        fs::permissions(locked, fs::perms::owner_read);
        CHECK(read_file(locked) == "mine");
    }
}

TEST_CASE("the preparation is kept in the database between runs") {
    TempDir tmp;
    std::vector<std::string> shown;
    {
        Database db = Database::open(tmp / "rapport.db");
        PrepareModel model(shipped(), &db);
        model.set_lang("fr");
        model.toggle_tag(TagKind::industry, "education");
        model.toggle_tag(TagKind::goal, "explore-field");
        model.set_company("Lycée Molière");
        model.set_draft("Quelle formation conseilleriez-vous ?");
        CHECK(model.add_draft() == AddOutcome::added);
        model.set_draft("un brouillon");
        const std::string removed = model.sheet().items[1].id;
        model.remove(removed);
        const auto& list = model.checklist();
        REQUIRE_FALSE(list.empty());
        model.set_ticked(list.front().id, true);
        CHECK(model.save_pending());
        model.save_session();
        CHECK_FALSE(model.save_pending());
        shown = ids_of(model.sheet());
    }
    Database db = Database::open(tmp / "rapport.db");
    PrepareModel again(shipped(), &db);
    CHECK(again.lang() == "fr");
    CHECK(again.company() == "Lycée Molière");
    CHECK(again.draft() == "un brouillon");
    CHECK(again.removed_count() == 1);
    CHECK(again.is_ticked(again.checklist().front().id));
    CHECK(ids_of(again.sheet()) == shown);
    CHECK_FALSE(again.save_pending());

    // A broken stored value is reported, not fatal.
    set_setting(db, kSessionSetting, "{ not json");
    PrepareModel broken(shipped(), &db);
    REQUIRE(broken.load_problems().size() == 1);
    CHECK(broken.load_problems()[0].find("prepare.session") != std::string::npos);
    CHECK_FALSE(broken.has_sheet());
}

TEST_CASE("without a database the model still works and keeps nothing") {
    PrepareModel model(shipped(), nullptr);
    choose_technology_exploring(model);
    CHECK_FALSE(model.save_pending());
    model.save_session();  // a no-op, not a crash
    PrepareModel missing(fs::path("/nonexistent/banks"), nullptr);
    REQUIRE_FALSE(missing.load_problems().empty());
    CHECK(missing.load_problems()[0].find("/nonexistent/banks") != std::string::npos);
    CHECK(missing.search_tags(TagKind::industry, "").empty());
    missing.toggle_tag(TagKind::industry, "technology");
    missing.toggle_tag(TagKind::goal, "explore-field");
    CHECK_FALSE(missing.has_sheet());
    CHECK_FALSE(missing.error().empty());  // the engine's "unknown language" as a message
}

TEST_CASE("the sheet as shown is kept with a planned meeting") {
    Fixture f;
    Contact zoe;
    zoe.name = "Zoë Ångström";
    const std::int64_t contact = add_contact(f.db, zoe);
    Meeting planned;
    planned.contact_id = contact;
    planned.at = parse_local_date_time("2030-05-02T14:30", "at");
    const std::int64_t meeting = add_meeting(f.db, planned);
    Meeting done = planned;
    done.at = parse_local_date_time("2024-05-02T14:30", "at");  // done: it took place
    done.status = "done";
    add_meeting(f.db, done);

    const auto choices = f.model.planned_meetings();
    REQUIRE(choices.size() == 1);  // done meetings are not offered
    CHECK(choices[0].id == meeting);

    CHECK_FALSE(f.model.keep_with_meeting(meeting));  // no sheet yet
    choose_technology_exploring(f.model);
    f.model.set_draft("Which local meetups do you recommend?");
    REQUIRE(f.model.add_draft() == AddOutcome::added);
    REQUIRE(f.model.keep_with_meeting(meeting));

    const Meeting stored = get_meeting(f.db, meeting);
    REQUIRE(stored.sheet.size() == f.model.sheet().items.size());
    for (size_t i = 0; i < stored.sheet.size(); ++i) {
        CHECK(stored.sheet[i].id == f.model.sheet().items[i].id);
        CHECK(stored.sheet[i].text == f.model.sheet().items[i].text);
        CHECK_FALSE(stored.sheet[i].asked);
    }
    CHECK(std::any_of(stored.sheet.begin(), stored.sheet.end(), [](const SheetQuestion& q) {
        return q.text == "Which local meetups do you recommend?";
    }));

    CHECK_FALSE(f.model.keep_with_meeting(9999));  // an unknown meeting is an error shown
    CHECK(f.model.meeting_status().find("9999") != std::string::npos);
}

TEST_CASE("your own questions count in the time and the places: the sheet still fits") {
    Fixture f;
    f.model.set_minutes(20);
    choose_technology_exploring(f.model);
    const int budget = f.model.sheet().budget_minutes;
    const size_t questions = f.model.sheet().items.size();
    REQUIRE_FALSE(f.model.over_budget());

    for (const char* own : {"Which local meetups do you recommend for someone new to the city?",
                            "How did the team you lead change when it went remote?"}) {
        f.model.set_draft(own);
        f.model.set_draft_minutes(3);
        REQUIRE(f.model.add_draft() == AddOutcome::added);
        CHECK_FALSE(f.model.over_budget());  // the engine made room for it
        CHECK(f.model.sheet().budget_minutes == budget);  // the meeting's budget, shown whole
    }
    CHECK(f.model.sheet().items.size() <= questions + 1);  // places, not only minutes
    CHECK(f.model.sheet().total_minutes <= budget);
}

TEST_CASE("choosing the meeting fills in its contact, company, role and length") {
    Fixture f;
    Contact zoe;
    zoe.name = "Zoë O'Neil";
    zoe.company = "Ville de Montréal";
    zoe.role = "urbaniste";
    const auto contact = add_contact(f.db, zoe);
    Meeting planned;
    planned.contact_id = contact;
    planned.at = parse_local_date_time("2030-05-02T14:30", "at");
    planned.minutes = 30;
    const auto meeting = add_meeting(f.db, planned);
    f.model.set_contact("Somebody Else");
    choose_technology_exploring(f.model);

    f.model.follow_meeting(meeting);
    CHECK(f.model.contact() == "Zoë O'Neil");
    CHECK(f.model.company() == "Ville de Montréal");
    CHECK(f.model.role() == "urbaniste");
    CHECK(f.model.minutes() == 30);
    CHECK(f.model.sheet().meeting_minutes == 30);
    CHECK(f.model.sheet().contact == "Zoë O'Neil");
    f.model.follow_meeting(4242);  // gone meanwhile: said, nothing changed
    CHECK(f.model.meeting_status().find("4242") != std::string::npos);
    CHECK(f.model.contact() == "Zoë O'Neil");
}

// Before: a French user's first sheet came out in English at 20 minutes,
// whatever the profile said.
TEST_CASE("a fresh preparation starts from the profile; a new profile language switches the sheet's") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    ProfileChanges changes;
    changes.language = "fr";
    changes.default_minutes = 30;
    changes.goals = std::vector<std::string>{"change-careers", "meet people who like maps"};
    update_profile(db, changes);
    {
        PrepareModel model(shipped(), &db);
        CHECK(model.lang() == "fr");
        CHECK(model.minutes() == 30);
        CHECK(model.selected(TagKind::goal) == std::vector<std::string>{"change-careers"});
        CHECK_FALSE(model.save_pending());  // nothing chosen by the user yet
        model.toggle_tag(TagKind::industry, "healthcare");
        REQUIRE(model.has_sheet());
        CHECK(model.sheet().lang == "fr");
        model.set_minutes(45);
        model.save_session();

        ProfileChanges english;
        english.language = "en";
        update_profile(db, english);
        model.profile_changed();
        CHECK(model.lang() == "en");
        CHECK(model.sheet().lang == "en");
        CHECK(model.minutes() == 45);  // the user's own choice stays
        model.save_session();
    }
    // What the user kept wins over the profile the next time.
    ProfileChanges french;
    french.language = "fr";
    french.default_minutes = 20;
    update_profile(db, french);
    PrepareModel again(shipped(), &db);
    CHECK(again.lang() == "en");
    CHECK(again.minutes() == 45);
}
