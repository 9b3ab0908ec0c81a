#include "engine/followups/drafts.h"

#include "engine/records/contacts.h"
#include "engine/base/date_format.h"
#include "engine/records/debriefs.h"
#include "engine/base/json_source.h"
#include "engine/records/meetings.h"
#include "engine/records/profile.h"
#include "engine/records/record_checks.h"

#include <set>

namespace rapport {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const std::set<std::string> kThankYouFields = {"contact_name", "company",   "meeting_date",
                                               "learned",      "action",    "referrals",
                                               "user_name",    "user_email", "user_phone", "field"};
const std::set<std::string> kOutreachFields = {"contact_name", "role",       "company",
                                               "user_name",    "user_email", "user_phone",
                                               "field",        "background", "referrer_name",
                                               "hope",         "minutes"};
const std::set<std::string> kCalendarFields = {"contact_name", "organization"};

// What to tell the user when a value a line cannot do without is missing.
std::string missing_value_hint(const std::string& name) {
    if (name == "user_name") return "your name is not set";
    if (name == "learned") return "nothing learned is recorded for this meeting";
    return "no value for {" + name + "}";
}

std::vector<std::string> placeholders_in(const std::string& text) {
    std::vector<std::string> names;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        names.push_back(text.substr(open + 1, close - open - 1));
    }
    return names;
}

void check_fields(const JsonSource& src, const std::string& ptr, const std::string& text,
                  const std::set<std::string>& known) {
    for (const auto& name : placeholders_in(text))
        if (!known.count(name)) throw Error(src.where(ptr) + ": unknown placeholder {" + name + "}");
}

std::string string_at(const JsonSource& src, const json& obj, const std::string& ptr,
                      const char* key) {
    if (!obj.is_object() || !obj.contains(key) || !obj.at(key).is_string())
        throw Error(src.where(ptr) + ": " + (ptr.empty() ? "/" : ptr) + ": needs a \"" + key +
                    "\" string");
    return obj.at(key).get<std::string>();
}

TemplateLine read_line(const JsonSource& src, const json& j, const std::string& ptr,
                       const std::set<std::string>& known) {
    TemplateLine line;
    line.where = src.where(ptr);
    if (j.is_string()) {
        line.text = j.get<std::string>();
        check_fields(src, ptr, line.text, known);
        return line;
    }
    if (j.is_object() && j.contains("first_of")) {
        const json& options = j.at("first_of");
        if (!options.is_array() || options.empty())
            throw Error(src.where(ptr) + ": \"first_of\" needs a list of lines");
        for (size_t i = 0; i < options.size(); ++i)
            line.first_of.push_back(
                read_line(src, options[i], ptr + "/first_of/" + std::to_string(i), known));
        return line;
    }
    line.text = string_at(src, j, ptr, "text");
    check_fields(src, ptr + "/text", line.text, known);
    if (j.contains("when")) {
        if (!j.at("when").is_array()) throw Error(src.where(ptr) + ": \"when\" needs a list");
        for (const auto& w : j.at("when")) {
            if (!w.is_string() || !known.count(w.get<std::string>()))
                throw Error(src.where(ptr + "/when") + ": \"when\" names an unknown field");
            line.when.push_back(w.get<std::string>());
        }
    }
    return line;
}

DraftTemplate read_template(const JsonSource& src, const char* key,
                            const std::set<std::string>& known) {
    const std::string ptr = std::string("/") + key;
    if (!src.root.contains(key)) throw Error(src.where("") + ": missing \"" + key + "\"");
    const json& j = src.root.at(key);
    DraftTemplate t;
    t.subject = string_at(src, j, ptr, "subject");
    check_fields(src, ptr + "/subject", t.subject, known);
    if (!j.contains("lines") || !j.at("lines").is_array())
        throw Error(src.where(ptr) + ": needs a \"lines\" list");
    for (size_t i = 0; i < j.at("lines").size(); ++i)
        t.lines.push_back(
            read_line(src, j.at("lines")[i], ptr + "/lines/" + std::to_string(i), known));
    return t;
}

std::map<std::string, std::string> string_map(const JsonSource& src, const char* key) {
    std::map<std::string, std::string> out;
    const std::string ptr = std::string("/") + key;
    if (!src.root.contains(key) || !src.root.at(key).is_object())
        throw Error(src.where("") + ": needs a \"" + key + "\" object");
    for (const auto& [k, v] : src.root.at(key).items()) out[k] = string_at(src, src.root.at(key), ptr, k.c_str());
    return out;
}

bool has_values(const TemplateLine& line, const DraftValues& values) {
    for (const auto& w : line.when) {
        auto it = values.find(w);
        if (it == values.end() || trimmed(it->second).empty()) return false;
    }
    return true;
}

// The line to write, or nothing when its conditions do not hold.
const TemplateLine* chosen(const TemplateLine& line, const DraftValues& values) {
    if (line.first_of.empty()) return has_values(line, values) ? &line : nullptr;
    for (const auto& option : line.first_of)
        if (const TemplateLine* c = chosen(option, values)) return c;
    return nullptr;
}

std::string joined_names(const std::vector<std::string>& names, const std::string& language) {
    const std::string last_sep = language == "fr" ? " et " : " and ";
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? last_sep : ", ") + names[i];
    return out;
}

void add_profile_values(Database& db, DraftValues& values) {
    const Profile p = load_profile(db);
    values["user_name"] = p.name;
    values["user_email"] = p.email;
    values["user_phone"] = p.phone;
    values["field"] = p.field;
    values["background"] = p.background;
}

std::string answer_or_empty(const Debrief& d, const std::string& item) {
    auto it = d.answers.find(item);
    return it == d.answers.end() ? "" : it->second;
}

}  // namespace

DraftTemplates load_draft_templates(const fs::path& banks_dir, std::string_view language) {
    const fs::path file = banks_dir / ("drafts." + std::string(language) + ".json");
    std::error_code ec;
    if (!fs::exists(file, ec))
        throw Error(file.string() + ": no message templates for language '" +
                    std::string(language) + "'");
    const JsonSource src = load_json_source(file);
    DraftTemplates t;
    t.file = file;
    t.language = string_at(src, src.root, "", "language");
    t.default_hope = string_at(src, src.root, "", "default_hope");
    t.goals = string_map(src, "goals");
    t.thank_you = read_template(src, "thank-you", kThankYouFields);
    t.outreach = read_template(src, "outreach", kOutreachFields);
    t.calendar = string_map(src, "calendar");
    for (const char* key : {"meeting", "thank-you", "outreach-second-contact", "outreach-follow-up",
                            "this-organization"}) {
        if (!t.calendar.count(key))
            throw Error(src.where("/calendar") + ": missing calendar text \"" + key + "\"");
        check_fields(src, std::string("/calendar/") + key, t.calendar[key], kCalendarFields);
    }
    return t;
}

std::string fill_placeholders(const std::string& text, const DraftValues& values,
                              const std::string& where) {
    std::string out;
    size_t pos = 0;
    while (true) {
        const size_t open = text.find('{', pos);
        const size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) break;
        const std::string name = text.substr(open + 1, close - open - 1);
        auto it = values.find(name);
        if (it == values.end() || trimmed(it->second).empty())
            throw MissingDraftValue(
                name, "cannot finish the draft: " + missing_value_hint(name) + " (" + where + ")");
        out.append(text, pos, open - pos).append(trimmed(it->second));
        pos = close + 1;
    }
    return out.append(text, pos);
}

Draft render_draft(const DraftTemplate& t, const DraftValues& values, const std::string& language) {
    Draft d;
    d.language = language;
    d.subject = fill_placeholders(t.subject, values, "subject");
    for (const auto& line : t.lines)
        if (const TemplateLine* c = chosen(line, values))
            d.body += fill_placeholders(c->text, values, c->where) + "\n";
    return d;
}

Draft draft_thank_you(Database& db, const DraftTemplates& templates, std::int64_t meeting_id,
                      const ThankYouInput& input) {
    const Meeting m = get_meeting(db, meeting_id);
    const Contact c = get_contact(db, m.contact_id);
    const Debrief d = get_debrief(db, meeting_id);
    DraftValues values;
    add_profile_values(db, values);
    values["contact_name"] = c.name;
    values["company"] = c.company;
    values["meeting_date"] = format_date(m.at, templates.language);
    values["learned"] = input.learned.value_or(answer_or_empty(d, "learned"));
    values["action"] = input.action.value_or(answer_or_empty(d, "advice-followed"));
    std::vector<std::string> names;
    for (const auto& r : d.referrals) names.push_back(r.name);
    values["referrals"] = joined_names(names, templates.language);
    try {
        return render_draft(templates.thank_you, values, templates.language);
    } catch (const MissingDraftValue& e) {
        throw MissingDraftValue(e.value, "meeting " + std::to_string(meeting_id) + ": " + e.what());
    } catch (const Error& e) {
        throw Error("meeting " + std::to_string(meeting_id) + ": " + e.what());
    }
}

Draft draft_outreach(Database& db, const DraftTemplates& templates, std::int64_t contact_id,
                     const OutreachInput& input) {
    if (input.minutes < 1 || input.minutes > 240)
        throw Error("minutes: " + std::to_string(input.minutes) + " is not between 1 and 240");
    const Contact c = get_contact(db, contact_id);
    DraftValues values;
    add_profile_values(db, values);
    values["contact_name"] = c.name;
    values["role"] = c.role;
    values["company"] = c.company;
    values["minutes"] = std::to_string(input.minutes);
    if (c.referred_by)
        if (auto referrer = find_contact(db, *c.referred_by)) values["referrer_name"] = referrer->name;
    std::string hope = templates.default_hope;
    const auto goals = load_profile(db).goals;
    if (!goals.empty()) {
        auto known = templates.goals.find(goals.front());
        hope = known != templates.goals.end() ? known->second : goals.front();
    }
    values["hope"] = input.hope.value_or(hope);
    try {
        return render_draft(templates.outreach, values, templates.language);
    } catch (const MissingDraftValue& e) {
        throw MissingDraftValue(e.value, "contact " + std::to_string(contact_id) + ": " + e.what());
    } catch (const Error& e) {
        throw Error("contact " + std::to_string(contact_id) + ": " + e.what());
    }
}

}  // namespace rapport
