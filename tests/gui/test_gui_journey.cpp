// The whole journey of a new user through the window alone, under Xvfb:
// profile (name), contact, meeting, question sheet kept with the meeting,
// a timed pitch attempt, the live meeting (clock, notes, done), the debrief
// (a referral made a contact and sent a request, what was learned), and the
// thank-you note copied and marked sent. Each part runs the real app on the
// same database, clicking buttons and fields by the labels shown
// ("click_text", gui/test_script.h), and the database is then read back with
// the real rapport-cli (JSON). Screenshots are read through the layout report
// (the texts shown) and their colours.
//
// Written for any interface language: labels go through tr(), which asks the
// app's French catalogue (gettext, gui/i18n.h) for "fr"; data shown in the window (tags,
// checklist prompts) comes from the banks of that language. The French run
// starts in the system's language and switches with the profile.
#include "engine/base/date_format.h"
#include "engine/base/local_time.h"
#include "tests/gui/gui_run.h"
#include "tests/gui/screen_texts.h"


using namespace rapport::test;
using nlohmann::json;

namespace {

// ---- the interface's words in the journey's language -------------------

struct Language {
    std::string code;  // "en", "fr"

    explicit Language(std::string c) : code(std::move(c)) {}
    // What the user writes as "one thing learned", in this language (the
    // thank-you quotes it, and the spelling check reads it in the language).
    std::string learned() const {
        return code == "fr" ? "que les permis dictent le calendrier plus que le dessin"
                            : "that permits shape the calendar more than design does";
    }
    // The label as the window shows it in this language.
    std::string tr(const std::string& english) const { return translated(code, english); }
    // Data of the banks in this language.
    json bank(const std::string& name) const {
        return json::parse(read_file(source_dir() / "question-banks" / (name + "." + code + ".json")));
    }
    std::string tag_label(const char* kind, const std::string& id) const {
        const json tags = bank("tags");  // kept: the loop must not walk a destroyed temporary
        for (const auto& tag : tags.at(kind))
            if (tag.at("id") == id) return tag.at("label");
        FAIL("no tag " << id);
        return "";
    }
    std::string checklist_prompt(const std::string& id) const {
        const json checklist = bank("debrief");
        for (const auto& item : checklist.at("items"))
            if (item.at("id") == id) return item.at("prompt");
        FAIL("no checklist item " << id);
        return "";
    }
};

// The text before the first printf placeholder of a translated template
// ("Request recorded as sent %s; …" -> "Request recorded as sent").
std::string before_placeholder(const std::string& text) { return text.substr(0, text.find('%')); }

// ---- a script written as the steps a user takes ---------------------------

class Steps {
public:
    explicit Steps(const Language& lang) : lang_(lang) {}
    // Clicks the text the window shows for `label` (translated): over it,
    // press, release; a few frames for the screen to follow.
    Steps& click(const std::string& label, int nth = 0, float dx = 0, float dy = 0) {
        return click_shown(lang_.tr(label), nth, dx, dy);
    }
    // Clicks a text shown as it is (data: names, dates, prompts).
    Steps& click_shown(const std::string& text, int nth = 0, float dx = 0, float dy = 0) {
        json step = {{"frame", frame_}, {"click_text", text}, {"nth", nth}};
        if (dx != 0 || dy != 0) step["offset"] = {dx, dy};
        steps_.push_back(step);
        frame_ += 4;
        return *this;
    }
    Steps& type(const std::string& text) {
        steps_.push_back({{"frame", frame_}, {"text", text}});
        frame_ += 2;
        return *this;
    }
    Steps& key(const std::string& name, bool ctrl = false) {
        steps_.push_back({{"frame", frame_}, {"key", name}, {"ctrl", ctrl}});
        frame_ += 2;
        return *this;
    }
    // Holds until the window shows `text` as it is, at most 10 s.
    Steps& wait_for_shown(const std::string& text) {
        steps_.push_back({{"frame", frame_}, {"wait_text", text}});
        frame_ += 1;
        return *this;
    }
    // Holds until the screen has nothing pending (a typed answer saved, its
    // spelling checked), at most 10 s.
    Steps& wait_idle() {
        steps_.push_back({{"frame", frame_}, {"wait_idle", true}});
        frame_ += 2;
        return *this;
    }
    Steps& wait(double seconds) {
        steps_.push_back({{"frame", frame_}, {"sleep", seconds}});
        frame_ += 2;
        return *this;
    }
    // A screenshot (and a layout report entry) at the next frame; returns its frame.
    int shot(const fs::path& path) {
        steps_.push_back({{"frame", frame_}, {"screenshot", path.string()}});
        return frame_++;
    }
    const json& steps() const { return steps_; }
    int frames() const { return frame_ + 2; }

private:
    const Language& lang_;
    json steps_ = json::array();
    int frame_ = 3;
};

// One part of the journey: the app as the user left it (the screen it
// remembers), a window tall enough for the whole debrief checklist.
void play(GuiRun& r, const Steps& steps, const fs::path& report) {
    fs::create_directories(r.tmp / "config" / "rapport");
    json state = fs::exists(r.state_file()) ? r.saved_state() : json::object({{"screen", "home"}});
    state["width"] = 1400;
    state["height"] = 1350;
    write_file(r.state_file(), state.dump());
    auto result = r.run("", steps.steps(), steps.frames(), {"--layout-report", report.string()});
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
}

// Local wall-clock time `minutes` from now, as the meeting form takes it and
// the pickers show it ("2026-11-29 22:55").
std::string minutes_from_now(int minutes) {
    return rapport::local_from_utc(rapport::now_local().utc_seconds() + 60 * minutes).wall_clock();
}

void walk_the_journey(const Language& lang) {
    GuiRun r;
    const std::string met = "Élodie Marchand", referral = "Anaïs Côté";
    const std::string at = minutes_from_now(-5);  // under way: Live opens it, it may be marked done

    // 1. Profile: the name that signs the drafts, and the language. The
    // window starts in the system's language (English here): the profile's
    // language takes over from the next part on.
    {
        const Language system("en");
        Steps s(system);
        s.click("Profile").click("Sam Ng").type("Zoë Lavigne");
        if (lang.code == "fr") s.click_shown("Français");
        s.wait_for_shown(lang.tr("Profile & settings"));  // the heading, once in the profile's language
        const int shot = s.shot(r.shot("profile"));
        play(r, s, r.tmp / "profile.json");
        const json profile = r.cli_json({"profile", "show"});
        CHECK(profile["name"] == "Zoë Lavigne");
        CHECK(profile["language"] == lang.code);
        CHECK(shows(texts_shown(r.tmp / "profile.json", shot), "Zoë Lavigne"));
    }

    // 2. A contact, then a meeting with them, through the forms.
    {
        Steps s(lang);
        s.click("Meetings & contacts").click("New contact").click("First and last name").type(met);
        s.click("Company", 0, 200).type("Atelier Nord").click("Role", 0, 200).type("urban planner").key("Enter");
        s.click("New meeting").click("When", 0, 200).key("A", true).type(at);
        s.click("Promised minutes", 0, 150).key("A", true).type("30").key("Enter");
        s.shot(r.shot("meetings"));
        play(r, s, r.tmp / "meetings.json");
        const json contacts = r.cli_json({"contact", "list"});
        REQUIRE(contacts.size() == 1);
        CHECK(contacts[0]["name"] == met);
        CHECK(contacts[0]["company"] == "Atelier Nord");
        CHECK(contacts[0]["role"] == "urban planner");
        const json meetings = r.cli_json({"meeting", "list"});
        REQUIRE(meetings.size() == 1);
        CHECK(meetings[0]["contact"] == met);
        CHECK(meetings[0]["minutes"] == 30);
        CHECK(meetings[0]["at"].get<std::string>().substr(0, 16) == at.substr(0, 10) + "T" + at.substr(11));
    }

    // 3. Prepare: tags, the meeting it is for (its length and contact), kept with it.
    {
        Steps s(lang);
        s.click("Prepare").key("F", true).type(lang.tag_label("industries", "technology").substr(0, 5)).key("Enter");
        s.click_shown(lang.tag_label("goals", "explore-field"));
        // The meeting is listed with its date as the window writes it (ICU, the interface's language).
        const std::string when = rapport::format_date_time(rapport::parse_local_date_time(at.substr(0, 10) + "T" + at.substr(11), "at"), lang.code);
        s.click("For the meeting", 0, 150).click_shown(when + " · " + met);
        s.click("Keep the sheet with it");
        s.shot(r.shot("prepare"));
        play(r, s, r.tmp / "prepare.json");
        const json meeting = r.cli_json({"meeting", "list"})[0];
        // Sized to the 30 minutes promised (up to 10 questions), not to
        // Prepare's default 20 (up to 6), within four fifths of the time.
        CHECK(meeting["sheet"].size() > 6);
        int minutes = 0;
        for (const auto& q : meeting["sheet"]) minutes += q["minutes"].get<int>();
        CHECK(minutes <= 24);
        CHECK(meeting["sheet"][0]["stage"] == "opening");
    }

    // 4. Pitch: a script typed, one timed attempt saved.
    {
        Steps s(lang);
        s.click("Pitch").click("Your pitch:", 0, 100, 50);
        s.type("I am Zoë, a geographer moving into urban planning. I would love to hear how you "
               "got started at Atelier Nord and what skills matter most to you.");
        s.click("Start").wait(1.2).click("Stop").click("Save attempt");
        s.shot(r.shot("pitch"));
        play(r, s, r.tmp / "pitch.json");
        const json attempts = r.cli_json({"pitch", "history"});
        REQUIRE(attempts.size() == 1);
        INFO(attempts.dump());
        CHECK(attempts[0]["seconds"].get<double>() >= 1.2);  // the clock ran while we waited
        CHECK(attempts[0]["seconds"].get<double>() < 30);
        CHECK_FALSE(attempts[0]["script"].is_null());  // the typed script was kept and timed
    }

    // 5. The meeting, live: the clock, a quick note, marked done.
    {
        Steps s(lang);
        s.click("Meeting (live)").click("Start").click("Quick notes", 0, 0, 40);
        s.type("Permits take 18 months; ask Anaïs at the Musée about maps.");
        s.click("Mark meeting done");
        s.shot(r.shot("live"));
        play(r, s, r.tmp / "live.json");
        const json meeting = r.cli_json({"meeting", "list"})[0];
        CHECK(meeting["status"] == "done");
        CHECK(meeting["notes"] == "Permits take 18 months; ask Anaïs at the Musée about maps.");
    }

    // 6. Debrief: a referral made a contact and sent a request; what was
    // learned; the thank-you copied and marked sent.
    const fs::path debrief_report = r.tmp / "debrief.json";
    int copied_frame = 0, done_frame = 0;
    {
        Steps s(lang);
        s.click("Debrief").click("Name").type(referral).click("Company", 0).type("Musée de la Carte");
        s.click("Add referral").click("Make a contact").click("Draft a request");
        s.click("Copy").click("Mark request sent");
        const int request_frame = s.shot(r.shot("request"));
        s.click("Close");  // the next click waits for the pane to settle (its scroll comes back)
        s.click_shown(lang.checklist_prompt("learned"), 0, 0, 35);
        s.type(lang.learned()).wait_idle();  // saved, and the note redrafted from it
        s.click("Copy");
        copied_frame = s.shot(r.shot("copied"));
        s.click("Mark thank-you sent");
        done_frame = s.shot(r.shot("debrief"));
        play(r, s, debrief_report);
        const auto request = texts_shown(debrief_report, request_frame);
        CHECK(shows(request, lang.tr("Copied")));
        CHECK(shows_part(request, before_placeholder(lang.tr(
                                      "Request recorded as sent %s; Home reminds you to follow up if no reply comes."))));
        CHECK(shows_part(request, "Zoë Lavigne"));  // the request is signed
    }
    const json data = r.cli_json({"export"});
    REQUIRE(data["outreach"].size() == 1);
    const json contacts = r.cli_json({"contact", "list"});
    REQUIRE(contacts.size() == 2);
    json anais;
    for (const auto& c : contacts)
        if (c["name"] == referral) anais = c;
    REQUIRE(anais.is_object());
    CHECK(anais["company"] == "Musée de la Carte");
    CHECK(anais["referred_by"] == 1);  // Élodie
    CHECK(data["outreach"][0]["contact_id"] == anais["id"]);
    CHECK(data["outreach"][0]["channel"] == "email");
    const json debrief = r.cli_json({"debrief", "--meeting", "1"});
    CHECK(debrief["answers"]["learned"] == lang.learned());
    CHECK_FALSE(debrief["thank_you_sent_at"].is_null());
    REQUIRE(debrief["referrals"].size() == 1);
    CHECK(debrief["referrals"][0]["contact_id"] == anais["id"]);
    // Nothing is due any more: the thank-you is sent, the request is fresh.
    CHECK(r.cli_json({"followups"}).empty());

    // What the window showed: the drafts, "Copied", the request recorded,
    // the thank-you marked sent (in the colour for good news).
    const auto copied = texts_shown(debrief_report, copied_frame);
    const auto done = texts_shown(debrief_report, done_frame);
    CHECK(shows(copied, lang.tr("Copied")));
    CHECK(shows_part(copied, "Zoë Lavigne"));  // the thank-you is signed
    CHECK(shows_part(copied, lang.learned().substr(0, 30)));
    CHECK_FALSE(shows_part(done, lang.tr("Request for a conversation to %s").substr(0, 10)));  // closed
    const Image shot = load_png(r.shot("debrief"));
    REQUIRE_FALSE(shot.empty());
    CHECK(green_pixels(shot) > 200);

    // No layout fault on the screens the journey went through.
    for (const char* part : {"profile", "meetings", "prepare", "pitch", "live", "debrief"}) {
        INFO(part);
        for (const auto& entry : json::parse(read_file(r.tmp / (std::string(part) + ".json"))))
            CHECK_MESSAGE(entry["problems"].empty(), entry["problems"].dump());
    }
}

}  // namespace

TEST_CASE("the whole journey through the window, in English") { walk_the_journey(Language("en")); }

// The same steps with every label looked up in the app's French catalogue: the
// window switches to French as soon as the profile's language is set.
TEST_CASE("the whole journey through the window, in French") {
    walk_the_journey(Language("fr"));
}
