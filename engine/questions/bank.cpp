#include "engine/questions/bank.h"

#include "engine/base/error.h"
#include "engine/base/json_fields.h"
#include "engine/base/paths.h"
#include "engine/base/placeholders.h"
#include "engine/questions/bank_fast.h"
#include "engine/base/text.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace rapport {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string_view stage_id(Stage stage) {
    switch (stage) {
        case Stage::opening: return "opening";
        case Stage::trends: return "trends";
        case Stage::insights: return "insights";
        case Stage::advice: return "advice";
        case Stage::resources: return "resources";
        case Stage::assignments: return "assignments";
        case Stage::closing: return "closing";
    }
    return "opening";
}

std::optional<Stage> parse_stage(std::string_view id) {
    for (Stage s : kStages)
        if (stage_id(s) == id) return s;
    return std::nullopt;
}

namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string join_ids(const std::vector<Tag>& tags) {
    std::string out;
    for (const auto& t : tags) out += (out.empty() ? "" : ", ") + t.id;
    return out;
}

const Tag* find_tag(const std::vector<Tag>& tags, std::string_view id) {
    for (const auto& t : tags)
        if (t.id == id) return &t;
    return nullptr;
}

}  // namespace

std::string_view audience_id(Audience audience) {
    switch (audience) {
        case Audience::any: return "any";
        case Audience::career_changer: return "career-changer";
        case Audience::student: return "student";
    }
    return "any";
}

std::optional<Audience> parse_audience(std::string_view id) {
    for (Audience a : {Audience::any, Audience::career_changer, Audience::student})
        if (audience_id(a) == id) return a;
    return std::nullopt;
}

bool Question::for_every_industry() const { return contains(industries, kAnyTag); }
bool Question::excludes_industry(std::string_view industry) const {
    return contains(excluded_industries, industry);
}
bool Question::serves_industry(std::string_view industry) const {
    return contains(industries, industry) ||
           (for_every_industry() && !excludes_industry(industry));
}

std::vector<const Tag*> search_tags(const std::vector<Tag>& tags, std::string_view query) {
    const std::string folded = normalize_for_matching(query);
    std::vector<const Tag*> starts, others;
    for (const Tag& tag : tags) {
        const std::string label = normalize_for_matching(tag.label);
        if (folded.empty() || label.rfind(folded, 0) == 0) {
            starts.push_back(&tag);
            continue;
        }
        bool found = label.find(folded) != std::string::npos ||
                     tag.id.find(folded) != std::string::npos;
        for (size_t k = 0; !found && k < tag.keywords.size(); ++k)
            found = normalize_for_matching(tag.keywords[k]).find(folded) != std::string::npos;
        if (found) others.push_back(&tag);
    }
    starts.insert(starts.end(), others.begin(), others.end());
    return starts;
}
bool Question::serves_goal(std::string_view goal) const {
    return contains(goals, kAnyTag) || contains(goals, goal);
}

const Tag* TagSet::find_industry(std::string_view id) const { return find_tag(industries, id); }
const Tag* TagSet::find_goal(std::string_view id) const { return find_tag(goals, id); }

const Tag& TagSet::require_industry(std::string_view id) const {
    if (const Tag* t = find_industry(id)) return *t;
    throw Error("unknown industry '" + std::string(id) + "'; valid industries: " +
                join_ids(industries));
}

const Tag& TagSet::require_goal(std::string_view id) const {
    if (const Tag* t = find_goal(id)) return *t;
    throw Error("unknown goal '" + std::string(id) + "'; valid goals: " + join_ids(goals));
}

std::string TagSet::stage_label(Stage stage) const {
    auto it = stage_labels.find(std::string(stage_id(stage)));
    return it == stage_labels.end() ? std::string(stage_id(stage)) : it->second;
}

std::string TagSet::phrase(const std::string& key, std::string_view fallback) const {
    auto it = phrases.find(key);
    return it == phrases.end() ? std::string(fallback) : it->second;
}

std::vector<std::string> Banks::languages() const {
    std::vector<std::string> out;
    for (const auto& [lang, _] : tags) out.push_back(lang);
    return out;
}

const TagSet& Banks::require_tags(std::string_view lang) const {
    if (auto it = tags.find(std::string(lang)); it != tags.end()) return it->second;
    std::string known;
    for (const auto& l : languages()) known += (known.empty() ? "" : ", ") + l;
    throw Error("unknown language '" + std::string(lang) + "'; valid languages: " + known);
}

const Question* Banks::find(std::string_view id) const {
    for (const auto& q : questions)
        if (q.id == id) return &q;
    return nullptr;
}

std::vector<fs::path> bank_dirs(const fs::path& main_dir) { return {main_dir, user_banks_dir()}; }

std::vector<fs::path> data_files(const std::vector<fs::path>& dirs, std::string_view prefix) {
    std::vector<fs::path> out;
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> here;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (entry.path().extension() == ".json" && name.rfind(prefix, 0) == 0)
                here.push_back(entry.path());
        }
        std::sort(here.begin(), here.end());
        out.insert(out.end(), here.begin(), here.end());
    }
    return out;
}

namespace {

std::vector<Tag> read_tag_list(FieldReader& r, const json& root, const char* key,
                               bool with_phrase) {
    std::vector<Tag> tags;
    const json* list = r.array(root, "", key);
    if (!list) return tags;
    std::set<std::string> seen;
    for (size_t i = 0; i < list->size(); ++i) {
        const std::string p = std::string("/") + key + "/" + std::to_string(i);
        const json* item = r.object((*list)[i], p, std::string("each of \"") + key + "\"");
        if (!item) continue;
        Tag tag{r.text(*item, p, "id"), r.text(*item, p, "label"), "", {}};
        if (with_phrase) {
            tag.phrase = r.text(*item, p, "phrase", false);
            if (item->contains("keywords")) tag.keywords = r.string_list(*item, p, "keywords");
        }
        if (tag.phrase.empty()) tag.phrase = tag.label;
        if (tag.id == kAnyTag) r.report(p + "/id", "\"*\" is reserved (it means any)");
        if (!tag.id.empty() && !seen.insert(tag.id).second)
            r.report(p + "/id", "duplicate " + std::string(key) + " id '" + tag.id + "'");
        tags.push_back(std::move(tag));
    }
    return tags;
}

void read_stage_labels(FieldReader& r, const json& root, TagSet& set) {
    if (!root.contains("stages")) return;
    const json* list = r.array(root, "", "stages");
    if (!list) return;
    for (size_t i = 0; i < list->size(); ++i) {
        const std::string p = "/stages/" + std::to_string(i);
        const json* item = r.object((*list)[i], p, "each of \"stages\"");
        if (!item) continue;
        std::string id = r.text(*item, p, "id");
        std::string label = r.text(*item, p, "label");
        if (!id.empty() && !parse_stage(id))
            r.report(p + "/id", "unknown stage '" + id + "'");
        set.stage_labels[id] = label;
    }
}

void read_phrases(FieldReader& r, const json& root, TagSet& set) {
    auto it = root.find("phrases");
    if (it == root.end()) return;
    if (!it->is_object()) {
        r.report("/phrases", "\"phrases\" must be a JSON object of strings");
        return;
    }
    for (const auto& [key, value] : it->items()) {
        if (!value.is_string()) r.report("/phrases/" + key, "phrase \"" + key + "\" must be a string");
        else set.phrases[key] = value.get<std::string>();
    }
}

// Optional string-list field of the grammar object.
std::vector<std::string> grammar_list(FieldReader& r, const json& grammar, const char* key) {
    return grammar.contains(key) ? r.string_list(grammar, "/grammar", key)
                                 : std::vector<std::string>{};
}

void read_grammar(FieldReader& r, const json& root, TagSet& set) {
    set.grammar.lang = set.lang;
    auto it = root.find("grammar");
    if (it == root.end()) return;
    if (!r.object(*it, "/grammar", "\"grammar\"")) return;
    set.grammar.an_before = grammar_list(r, *it, "an_before");
    set.grammar.a_before = grammar_list(r, *it, "a_before");
    set.grammar.aspirated_h = grammar_list(r, *it, "aspirated_h");
    if (it->contains("vowel_letters")) set.grammar.vowel_letters = r.text(*it, "/grammar", "vowel_letters");
    if (auto verbs = it->find("plural_verbs"); verbs != it->end()) {
        if (!verbs->is_object()) {
            r.report("/grammar/plural_verbs", "\"plural_verbs\" must be an object of strings");
            return;
        }
        for (const auto& [singular, plural] : verbs->items()) {
            if (plural.is_string()) set.grammar.plural_verbs[singular] = plural.get<std::string>();
            else r.report("/grammar/plural_verbs/" + singular, "a plural verb must be a string");
        }
    }
}

std::optional<TagSet> read_tag_file(const JsonSource& src, std::vector<Problem>& problems) {
    FieldReader r(src, problems);
    if (!r.object(src.root, "", "a tags file")) return std::nullopt;
    TagSet set;
    set.lang = r.text(src.root, "", "lang");
    set.industries = read_tag_list(r, src.root, "industries", true);
    set.goals = read_tag_list(r, src.root, "goals", false);
    read_stage_labels(r, src.root, set);
    read_phrases(r, src.root, set);
    read_grammar(r, src.root, set);
    if (!r.clean()) return std::nullopt;
    return set;
}

// Adds a tag file's tags to the language's set; a tag id defined twice for
// one language is a problem and keeps the file out.
bool merge_tags(const JsonSource& src, TagSet incoming, Banks& banks,
                std::vector<Problem>& problems) {
    auto [it, fresh] = banks.tags.try_emplace(incoming.lang, TagSet{});
    TagSet& target = it->second;
    if (fresh) {
        target = std::move(incoming);
        return true;
    }
    size_t before = problems.size();
    auto check = [&](const std::vector<Tag>& tags, const TagSet& existing, const char* key,
                     bool industry) {
        for (size_t i = 0; i < tags.size(); ++i) {
            const Tag* old = industry ? existing.find_industry(tags[i].id)
                                      : existing.find_goal(tags[i].id);
            if (old)
                problems.push_back({src.where(std::string("/") + key + "/" + std::to_string(i)),
                                    "tag '" + tags[i].id + "' is already defined for language '" +
                                        incoming.lang + "'"});
        }
    };
    check(incoming.industries, target, "industries", true);
    check(incoming.goals, target, "goals", false);
    if (problems.size() != before) return false;
    target.industries.insert(target.industries.end(), incoming.industries.begin(),
                             incoming.industries.end());
    target.goals.insert(target.goals.end(), incoming.goals.begin(), incoming.goals.end());
    target.stage_labels.insert(incoming.stage_labels.begin(), incoming.stage_labels.end());
    target.phrases.insert(incoming.phrases.begin(), incoming.phrases.end());
    auto& g = target.grammar;
    const auto& more = incoming.grammar;
    g.an_before.insert(g.an_before.end(), more.an_before.begin(), more.an_before.end());
    g.a_before.insert(g.a_before.end(), more.a_before.begin(), more.a_before.end());
    g.aspirated_h.insert(g.aspirated_h.end(), more.aspirated_h.begin(), more.aspirated_h.end());
    g.plural_verbs.insert(more.plural_verbs.begin(), more.plural_verbs.end());
    return true;
}

bool valid_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

void check_tags(FieldReader& r, const std::string& pointer, const char* key,
                const std::vector<std::string>& values, const TagSet* tags, bool industry) {
    if (!tags) return;  // reported once per file
    for (size_t i = 0; i < values.size(); ++i) {
        const std::string& v = values[i];
        if (v == kAnyTag) continue;
        bool known = industry ? tags->find_industry(v) != nullptr : tags->find_goal(v) != nullptr;
        if (!known)
            r.report(pointer + "/" + key + "/" + std::to_string(i),
                     std::string("unknown ") + (industry ? "industry" : "goal") + " '" + v +
                         "' for language '" + tags->lang + "'");
    }
}

void check_placeholders(FieldReader& r, const std::string& pointer, const char* key,
                        const std::string& text, const TagSet* tags) {
    for (auto& message : placeholder_problems(text, tags ? &tags->grammar : nullptr))
        r.report(pointer + "/" + key, std::string("\"") + key + "\": " + message);
}

// What the question is for beyond its tags: group, audience, industries it
// does not fit.
void read_purpose(FieldReader& r, const json& item, const std::string& p, Question& q,
                  const TagSet* tags) {
    if (item.contains("group")) {
        q.group = r.text(item, p, "group");
        if (!q.group.empty() && !valid_id(q.group))
            r.report(p + "/group", "group '" + q.group + "' may only use a-z, 0-9 and '-'");
    }
    if (item.contains("audience")) {
        const std::string audience = r.text(item, p, "audience");
        if (auto a = parse_audience(audience)) q.audience = *a;
        else if (!audience.empty())
            r.report(p + "/audience",
                     "unknown audience '" + audience + "' (use any, career-changer or student)");
    }
    if (item.contains("excluded_industries")) {
        q.excluded_industries = r.string_list(item, p, "excluded_industries");
        check_tags(r, p, "excluded_industries", q.excluded_industries, tags, true);
        for (size_t i = 0; i < q.excluded_industries.size(); ++i)
            if (q.excluded_industries[i] == kAnyTag ||
                std::find(q.industries.begin(), q.industries.end(), q.excluded_industries[i]) !=
                    q.industries.end())
                r.report(p + "/excluded_industries/" + std::to_string(i),
                         "an excluded industry must be a tag the question does not list");
    }
}

// Where each id of this file was first defined.
using IdIndex = std::unordered_map<std::string, std::string>;

Question read_question(FieldReader& r, const json& item, const std::string& p,
                       const std::string& lang, const TagSet* tags) {
    Question q;
    q.lang = lang;
    q.where = r.source().where(p);
    q.id = r.text(item, p, "id");
    if (!q.id.empty() && !valid_id(q.id))
        r.report(p + "/id", "id '" + q.id + "' may only use a-z, 0-9 and '-'");
    q.text = r.text(item, p, "text");
    check_placeholders(r, p, "text", q.text, tags);
    if (item.contains("generic_text")) {
        q.generic_text = r.text(item, p, "generic_text");
        check_placeholders(r, p, "generic_text", q.generic_text, tags);
    }
    std::string stage = r.text(item, p, "stage");
    if (auto s = parse_stage(stage)) q.stage = *s;
    else if (!stage.empty())
        r.report(p + "/stage", "unknown stage '" + stage +
                                   "' (use opening, trends, insights, advice, resources, "
                                   "assignments or closing)");
    q.industries = r.string_list(item, p, "industries");
    check_tags(r, p, "industries", q.industries, tags, true);
    q.goals = r.string_list(item, p, "goals");
    check_tags(r, p, "goals", q.goals, tags, false);
    q.minutes = r.integer(item, p, "minutes", 1, 15);
    q.priority = r.integer(item, p, "priority", 1, 3);
    read_purpose(r, item, p, q, tags);
    return q;
}

// Reads one question file as a stream: each question is checked and
// converted as soon as it is parsed, so a file of 100,000 questions never
// sits in memory as one document with a line for every value.
class QuestionFileReader {
public:
    QuestionFileReader(const Banks& banks, const QuestionIdIndex& accepted_ids,
                       std::vector<Problem>& problems)
        : banks_(banks), accepted_ids_(accepted_ids), problems_(problems) {}

    // The file's questions, or none when it has any problem (all reported).
    std::vector<Question> read(const fs::path& file) {
        const size_t before = problems_.size();
        auto on_item = [this](const json& item, size_t index, const JsonSource& src) {
            on_question(item, index, src);
        };
        auto src = parse_or_report(file, problems_, "/questions", on_item);
        if (!src) {
            // A syntax error makes what was read before it beside the point.
            Problem syntax = problems_.back();
            problems_.resize(before);
            problems_.push_back(std::move(syntax));
            return {};
        }
        if (deferred_) {
            // "lang" came after the questions: read the file again as a whole.
            questions_.clear();
            file_ids_.clear();
            problems_.resize(before);
            src = parse_or_report(file, problems_);
            if (!src) return {};
            read_whole(*src);
        }
        check_top_level(*src);
        if (problems_.size() != before) return {};
        return std::move(questions_);
    }

private:
    // Finds the language's tags from the top-level "lang" once it is known.
    bool resolve_language(const JsonSource& src) {
        if (language_known_) return true;
        auto it = src.root.is_object() ? src.root.find("lang") : src.root.end();
        if (it == src.root.end() || !it->is_string()) return false;
        lang_ = it->get<std::string>();
        if (auto t = banks_.tags.find(lang_); t != banks_.tags.end()) tags_ = &t->second;
        language_known_ = true;
        return true;
    }

    void on_question(const json& item, size_t index, const JsonSource& src) {
        if (deferred_ || (!language_known_ && !resolve_language(src))) {
            deferred_ = true;
            return;
        }
        FieldReader r(src, problems_);
        const std::string p = "/questions/" + std::to_string(index);
        if (!r.object(item, p, "each question")) return;
        Question q = read_question(r, item, p, lang_, tags_);
        if (!q.id.empty()) {
            if (accepted_ids_.contains(q.id))
                r.report(p + "/id", "duplicate id '" + q.id + "' (first defined at " +
                                        banks_.find(q.id)->where + ")");
            else if (auto f = file_ids_.find(q.id); f != file_ids_.end())
                r.report(p + "/id", "duplicate id '" + q.id + "' (first defined at " + f->second + ")");
            else
                file_ids_.emplace(q.id, q.where);
        }
        questions_.push_back(std::move(q));
    }

    void read_whole(const JsonSource& src) {
        resolve_language(src);
        language_known_ = true;  // even without a "lang": reported below
        deferred_ = false;
        auto list = src.root.is_object() ? src.root.find("questions") : src.root.end();
        if (list == src.root.end() || !list->is_array()) return;
        for (size_t i = 0; i < list->size(); ++i) on_question((*list)[i], i, src);
    }

    void check_top_level(const JsonSource& src) {
        FieldReader r(src, problems_);
        if (!r.object(src.root, "", "a question bank")) return;
        const std::string lang = r.text(src.root, "", "lang");
        if (!lang.empty() && !banks_.tags.count(lang))
            r.report("/lang", "no tags file defines industries and goals for language '" + lang + "'");
        r.array(src.root, "", "questions");
    }

    const Banks& banks_;
    const QuestionIdIndex& accepted_ids_;
    std::vector<Problem>& problems_;
    std::vector<Question> questions_;
    IdIndex file_ids_;
    std::string lang_;
    const TagSet* tags_ = nullptr;
    bool language_known_ = false;
    bool deferred_ = false;
};

}  // namespace

BankLoad load_tags(const std::vector<fs::path>& dirs) {
    BankLoad load;
    for (const auto& file : data_files(dirs, "tags")) {
        auto src = parse_or_report(file, load.problems);
        if (!src) continue;
        if (auto set = read_tag_file(*src, load.problems))
            merge_tags(*src, std::move(*set), load.banks, load.problems);
    }
    return load;
}

BankLoad load_banks(const std::vector<fs::path>& dirs) {
    BankLoad load = load_tags(dirs);
    auto& all = load.banks.questions;
    QuestionIdIndex accepted_ids(all);
    for (const auto& file : data_files(dirs, "questions")) {
        // A well-formed file loads through simdjson; any doubt, and it is
        // read again by the careful reader, where every problem gets its
        // file:line.
        if (append_questions_fast(file, load.banks.tags, accepted_ids, all)) continue;
        QuestionFileReader reader(load.banks, accepted_ids, load.problems);
        auto questions = reader.read(file);
        all.insert(all.end(), std::make_move_iterator(questions.begin()),
                   std::make_move_iterator(questions.end()));
        // The careful reader let no id already accepted through.
        for (size_t i = all.size() - questions.size(); i < all.size(); ++i) accepted_ids.add(i);
    }
    return load;
}

}  // namespace rapport
