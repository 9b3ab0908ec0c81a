#include "engine/questions/tailor.h"

#include "engine/base/error.h"
#include "engine/base/placeholders.h"
#include "engine/questions/text_similarity.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rapport {

int question_budget(int meeting_minutes) { return meeting_minutes * 4 / 5; }

namespace {

// English wording, used for any key a language's tags file leaves out.
const std::map<std::string, std::string>& default_phrases() {
    static const std::map<std::string, std::string> phrases = {
        {"and", "and"},
        {"why_pinned", "pinned by you"},
        {"why_opening", "opens the meeting"},
        {"why_closing", "closes the meeting"},
        {"why_goal", "goal: {label}"},
        {"why_any_goal", "useful whatever your goal"},
        {"why_industry", "written for {label}"},
        {"why_names", "names {label}"},
        {"title", "Informational interview: questions"},
        {"label_separator", ": "},
        {"contact", "Contact"},
        {"company", "Company"},
        {"role", "Role"},
        {"industries", "Industries"},
        {"goals", "Goals"},
        {"meeting", "{minutes}-minute meeting, about {planned} minutes of questions"},
        {"minutes_short", "min"},
        {"total", "Planned: {total} of {budget} minutes"},
    };
    return phrases;
}

std::string phrase_with(const std::map<std::string, std::string>& phrases, const std::string& key,
                        const std::string& label) {
    auto it = phrases.find(key);
    std::string pattern = it == phrases.end() ? key : it->second;
    return fill_placeholders(pattern, {{"label", label}}).value_or(pattern);
}

// "a", "a and b", "a, b and c".
std::string join_with_and(const std::vector<std::string>& parts, const std::string& and_word) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += (i + 1 == parts.size()) ? " " + and_word + " " : ", ";
        out += parts[i];
    }
    return out;
}

struct Candidate {
    const Question* question = nullptr;
    std::string text;         // as printed
    bool personal = false;    // names the company, role or contact
    const Tag* industry = nullptr;  // the chosen industry it was written for, if any
    std::vector<size_t> goals_served;  // indexes into request.goals
    int score = 0;
};

class SheetBuilder {
public:
    SheetBuilder(const Banks& banks, const SheetRequest& request)
        : banks_(banks), request_(request), tags_(banks.require_tags(request.lang)) {}

    Sheet build() {
        validate();
        start_sheet();
        collect_candidates();
        add_pinned();
        add_best_of_stage(Stage::opening);
        add_best_of_stage(Stage::closing);
        fill_middle();
        finish();
        return std::move(sheet_);
    }

private:
    // ---- input checks -------------------------------------------------
    void validate() {
        if (request_.industries.empty())
            throw Error("choose at least one industry; valid industries: " + industry_ids());
        if (request_.goals.empty())
            throw Error("choose at least one goal; valid goals: " + goal_ids());
        for (const auto& id : request_.industries) industry_tags_.push_back(&tags_.require_industry(id));
        for (const auto& id : request_.goals) goal_tags_.push_back(&tags_.require_goal(id));
        if (request_.minutes < kMinMeetingMinutes || request_.minutes > kMaxMeetingMinutes)
            throw Error("meeting length must be " + std::to_string(kMinMeetingMinutes) + ".." +
                        std::to_string(kMaxMeetingMinutes) + " minutes, not " +
                        std::to_string(request_.minutes));
        for (const auto& id : request_.pinned) {
            const Question* q = banks_.find(id);
            if (!q || q->lang != request_.lang)
                throw Error("unknown pinned question '" + id + "' for language '" +
                            request_.lang + "'");
            if (request_.excluded.count(id))
                throw Error("question '" + id + "' is both pinned and excluded");
        }
    }

    std::string industry_ids() const {
        std::string s;
        for (const auto& t : tags_.industries) s += (s.empty() ? "" : ", ") + t.id;
        return s;
    }
    std::string goal_ids() const {
        std::string s;
        for (const auto& t : tags_.goals) s += (s.empty() ? "" : ", ") + t.id;
        return s;
    }

    void start_sheet() {
        sheet_.lang = request_.lang;
        sheet_.meeting_minutes = request_.minutes;
        sheet_.budget_minutes = question_budget(request_.minutes);
        sheet_.contact = request_.contact;
        sheet_.company = request_.company;
        sheet_.role = request_.role;
        for (const Tag* t : industry_tags_) sheet_.industry_labels.push_back(t->label);
        for (const Tag* t : goal_tags_) sheet_.goal_labels.push_back(t->label);
        sheet_.phrases = tags_.phrases;
        sheet_.phrases.insert(default_phrases().begin(), default_phrases().end());
        time_left_ = sheet_.budget_minutes;
    }

    // ---- candidates ---------------------------------------------------
    // Values for the placeholders; {industry} depends on the question: the
    // industry it was written for, else all the chosen ones. Built once per
    // industry, as big banks ask for them many thousand times.
    const std::map<std::string, std::string>& values_for(const Candidate& c) {
        auto [it, fresh] = placeholder_values_.try_emplace(c.industry);
        if (!fresh) return it->second;
        auto& values = it->second;
        values = {{"company", request_.company}, {"role", request_.role}, {"name", request_.contact}};
        if (c.industry) {
            values["industry"] = c.industry->phrase;
        } else {
            std::vector<std::string> phrases;
            for (const Tag* t : industry_tags_) phrases.push_back(t->phrase);
            values["industry"] = join_with_and(phrases, sheet_.phrases.at("and"));
        }
        return values;
    }

    // Fills the text (or the generic wording); false when neither can be filled.
    bool word_candidate(Candidate& c) {
        const Question& q = *c.question;
        const auto& values = values_for(c);
        if (auto text = fill_placeholders(q.text, values)) {
            c.text = std::move(*text);
            for (const auto& name : placeholders_in(q.text))
                if (name != "industry") c.personal = true;
            return true;
        }
        if (q.generic_text.empty()) return false;
        auto generic = fill_placeholders(q.generic_text, values);
        if (!generic) return false;
        c.text = std::move(*generic);
        return true;
    }

    // Fills in what the question matches; false when it serves no chosen
    // industry or goal.
    bool match_candidate(Candidate& c) const {
        const Question& q = *c.question;
        bool industry_ok = q.for_every_industry();
        for (const Tag* t : industry_tags_) {
            if (std::find(q.industries.begin(), q.industries.end(), t->id) == q.industries.end())
                continue;
            industry_ok = true;
            if (!c.industry) c.industry = t;
        }
        for (size_t g = 0; g < request_.goals.size(); ++g)
            if (q.serves_goal(request_.goals[g])) c.goals_served.push_back(g);
        return industry_ok && !c.goals_served.empty();
    }

    static int base_score(const Candidate& c) {
        const Question& q = *c.question;
        bool any_goal = std::find(q.goals.begin(), q.goals.end(), kAnyTag) != q.goals.end();
        int goals = any_goal ? 1 : static_cast<int>(c.goals_served.size());
        return 3 * goals + (c.industry ? 4 : 0) + (c.personal ? 2 : 0) + (4 - q.priority);
    }

    void collect_candidates() {
        for (const Question& q : banks_.questions) {
            if (q.lang != request_.lang || request_.excluded.count(q.id)) continue;
            const bool pinned = request_.pinned.count(q.id) > 0;
            if (!pinned && request_.already_asked.count(q.id)) continue;
            Candidate c;
            c.question = &q;
            if (!match_candidate(c) && !pinned) continue;
            if (!word_candidate(c)) {
                if (pinned)
                    throw Error("pinned question '" + q.id +
                                "' needs a company, role or contact name that was not given");
                continue;
            }
            if (!pinned && request_.filter && !request_.filter(q, c.text)) continue;
            c.score = base_score(c);
            candidates_.push_back(std::move(c));
        }
    }

    // ---- selection ----------------------------------------------------
    void take(size_t index, std::vector<std::string> words, std::string reason = {}) {
        Candidate& c = candidates_[index];
        taken_[index] = true;
        chosen_.push_back(index);
        chosen_words_.push_back(std::move(words));
        chosen_reason_.push_back(std::move(reason));
        time_left_ -= c.question->minutes;
        ++stage_count_[static_cast<size_t>(c.question->stage)];
        for (size_t g : c.goals_served) goal_covered_[g] = true;
    }

    bool repeats_chosen(const std::vector<std::string>& words) const {
        return std::any_of(chosen_words_.begin(), chosen_words_.end(),
                           [&](const auto& other) { return near_repeat(words, other); });
    }

    void add_pinned() {
        taken_.assign(candidates_.size(), false);
        rejected_.assign(candidates_.size(), false);
        goal_covered_.assign(request_.goals.size(), false);
        for (size_t i = 0; i < candidates_.size(); ++i)
            if (request_.pinned.count(candidates_[i].question->id))
                take(i, content_words(candidates_[i].text), "pinned");
    }

    // Orders candidates: higher score, then shorter, then smaller id.
    bool better(size_t a, int score_a, size_t b, int score_b) const {
        if (score_a != score_b) return score_a > score_b;
        const Question& qa = *candidates_[a].question;
        const Question& qb = *candidates_[b].question;
        if (qa.minutes != qb.minutes) return qa.minutes < qb.minutes;
        return qa.id < qb.id;
    }

    bool available(size_t i) const {
        return !taken_[i] && !rejected_[i] && candidates_[i].question->minutes <= time_left_;
    }

    // Takes the best available candidate by score_of that is no near-repeat;
    // repeats found on the way are rejected for good (the sheet only grows).
    template <class ScoreOf, class Eligible>
    bool take_best(ScoreOf score_of, Eligible eligible) {
        std::vector<std::pair<int, size_t>> heap;
        for (size_t i = 0; i < candidates_.size(); ++i)
            if (available(i) && eligible(candidates_[i])) heap.emplace_back(score_of(i), i);
        auto worse = [&](const auto& x, const auto& y) { return better(y.second, y.first, x.second, x.first); };
        std::make_heap(heap.begin(), heap.end(), worse);
        while (!heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), worse);
            size_t index = heap.back().second;
            heap.pop_back();
            auto words = content_words(candidates_[index].text);
            if (repeats_chosen(words)) {
                rejected_[index] = true;
                continue;
            }
            take(index, std::move(words));
            return true;
        }
        return false;
    }

    void add_best_of_stage(Stage stage) {
        if (stage_count_[static_cast<size_t>(stage)] > 0) return;
        take_best([&](size_t i) { return candidates_[i].score; },
                  [&](const Candidate& c) { return c.question->stage == stage; });
    }

    int adjusted_score(size_t i) const {
        const Candidate& c = candidates_[i];
        int uncovered = 0;
        for (size_t g : c.goals_served) uncovered += goal_covered_[g] ? 0 : 1;
        int in_stage = stage_count_[static_cast<size_t>(c.question->stage)];
        return c.score + 3 * uncovered + 2 - 2 * in_stage;
    }

    void fill_middle() {
        auto middle = [](const Candidate& c) {
            return c.question->stage != Stage::opening && c.question->stage != Stage::closing;
        };
        while (take_best([&](size_t i) { return adjusted_score(i); }, middle)) {
        }
    }

    // ---- output -------------------------------------------------------
    std::vector<std::string> why(const Candidate& c, const std::string& reason) const {
        const auto& p = sheet_.phrases;
        const Question& q = *c.question;
        std::vector<std::string> out;
        if (reason == "pinned") out.push_back(p.at("why_pinned"));
        if (q.stage == Stage::opening) out.push_back(p.at("why_opening"));
        if (q.stage == Stage::closing) out.push_back(p.at("why_closing"));
        bool any_goal = std::find(q.goals.begin(), q.goals.end(), kAnyTag) != q.goals.end();
        if (!any_goal)
            for (size_t g : c.goals_served) out.push_back(phrase_with(p, "why_goal", goal_tags_[g]->label));
        if (c.industry) out.push_back(phrase_with(p, "why_industry", c.industry->label));
        if (c.personal) {
            for (const auto& name : placeholders_in(q.text)) {
                if (name == "company") out.push_back(phrase_with(p, "why_names", request_.company));
                if (name == "role") out.push_back(phrase_with(p, "why_names", request_.role));
                if (name == "name") out.push_back(phrase_with(p, "why_names", request_.contact));
            }
        }
        if (out.empty()) out.push_back(p.at("why_any_goal"));
        return out;
    }

    void finish() {
        std::vector<size_t> order(chosen_.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return candidates_[chosen_[a]].question->stage < candidates_[chosen_[b]].question->stage;
        });
        for (size_t k : order) {
            const Candidate& c = candidates_[chosen_[k]];
            const Question& q = *c.question;
            sheet_.items.push_back({q.id, c.text, q.stage, tags_.stage_label(q.stage), q.minutes,
                                    why(c, chosen_reason_[k])});
            sheet_.total_minutes += q.minutes;
        }
    }

    const Banks& banks_;
    const SheetRequest& request_;
    const TagSet& tags_;
    std::vector<const Tag*> industry_tags_, goal_tags_;
    Sheet sheet_;
    std::vector<Candidate> candidates_;
    std::map<const Tag*, std::map<std::string, std::string>> placeholder_values_;
    std::vector<bool> taken_, rejected_, goal_covered_;
    std::vector<size_t> chosen_;
    std::vector<std::vector<std::string>> chosen_words_;
    std::vector<std::string> chosen_reason_;
    std::array<int, kStages.size()> stage_count_{};
    int time_left_ = 0;
};

}  // namespace

Sheet build_sheet(const Banks& banks, const SheetRequest& request) {
    return SheetBuilder(banks, request).build();
}

}  // namespace rapport
