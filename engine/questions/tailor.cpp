#include "engine/questions/tailor.h"

#include "engine/base/error.h"
#include "engine/base/placeholders.h"
#include "engine/questions/text_similarity.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace rapport {

int question_budget(int meeting_minutes) { return meeting_minutes * 4 / 5; }

int max_questions(int meeting_minutes) {
    return std::clamp(meeting_minutes / kMinutesPerQuestion, kMinQuestions, kMaxQuestions);
}

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
        {"total_over", "Planned: {total} minutes, {over} more than the {budget} the meeting leaves for questions"},
    };
    return phrases;
}

std::string phrase_with(const std::map<std::string, std::string>& phrases, const std::string& key,
                        const std::string& label) {
    auto it = phrases.find(key);
    std::string pattern = it == phrases.end() ? key : it->second;
    return fill_placeholders(pattern, {{"label", label}}).value_or(pattern);
}

// FNV-1a: a hash that is the same on every machine and run (std::hash is not).
uint64_t stable_hash(std::string_view text, uint64_t hash = 14695981039346656037ull) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// The seed of the tie-breaks: the whole request, so equal inputs agree.
uint64_t request_seed(const SheetRequest& r) {
    std::string key = r.lang + "|" + std::to_string(r.minutes) + "|" + r.contact + "|" + r.company +
                      "|" + r.role + "|" + std::string(audience_id(r.audience));
    for (const auto& i : r.industries) key += "|i:" + i;
    for (const auto& g : r.goals) key += "|g:" + g;
    return stable_hash(key);
}

struct Candidate {
    const Question* question = nullptr;
    std::string text;         // as printed
    bool personal = false;    // names the company or role
    const Tag* industry = nullptr;  // the chosen industry it was written for, if any
    std::vector<size_t> goals_served;  // indexes into request.goals
    int score = 0;
    uint64_t tie = 0;         // tie-break: hash of (seed, id)
    // The request's filter has yet to judge it (see collect_candidates).
    bool unchecked = false;
    bool filtered_out = false;  // the filter kept it off the sheet
};

class SheetBuilder {
public:
    SheetBuilder(const Banks& banks, const SheetRequest& request)
        : banks_(banks), request_(request), tags_(banks.require_tags(request.lang)),
          seed_(request_seed(request)) {}

    Sheet build() {
        validate();
        start_sheet();
        collect_candidates();
        add_pinned();
        add_opener();
        add_closing();
        fill_middle();
        finish();
        if (request_.explain) explain_passed_over();
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
        audience_ = request_.audience;
        if (audience_ == Audience::any &&
            std::find(request_.goals.begin(), request_.goals.end(), "change-careers") != request_.goals.end())
            audience_ = Audience::career_changer;
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
        // The user's own questions take their time and places first; the
        // opening and the closing are still chosen (kMinQuestions).
        sheet_.budget_minutes = std::max(0, question_budget(request_.minutes) - request_.own_minutes);
        sheet_.max_questions =
            std::max(kMinQuestions, max_questions(request_.minutes) - request_.own_questions);
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
    const std::map<std::string, PlaceholderValue>& values_for(const Candidate& c) {
        auto [it, fresh] = placeholder_values_.try_emplace(c.industry);
        if (!fresh) return it->second;
        auto& values = it->second;
        values = {{"company", request_.company},
                  {"role", request_.role},
                  {"name", first_name(request_.contact)}};
        PlaceholderValue industry;
        industry.and_word = sheet_.phrases.at("and");
        if (c.industry) industry.parts = {c.industry->phrase};
        else
            for (const Tag* t : industry_tags_) industry.parts.push_back(t->phrase);
        values["industry"] = std::move(industry);
        return values;
    }

    // Fills the text (or the generic wording); false when neither can be filled.
    bool word_candidate(Candidate& c) {
        const Question& q = *c.question;
        const auto& values = values_for(c);
        if (auto text = fill_placeholders(q.text, values, tags_.grammar)) {
            c.text = std::move(*text);
            for (const auto& name : placeholders_in(q.text))
                if (name == "company" || name == "role") c.personal = true;
            return true;
        }
        if (q.generic_text.empty()) return false;
        auto generic = fill_placeholders(q.generic_text, values, tags_.grammar);
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

    // Why a question that matches the tags still cannot go on the sheet, or "".
    std::string unfit_reason(const Question& q) const {
        if (!excluded_chosen_industry(q).empty())
            return "does not fit " + excluded_chosen_industry(q) + " (excluded_industries)";
        if (q.audience != Audience::any && q.audience != audience_)
            return "written for " + std::string(audience_id(q.audience)) + ", the user is " +
                   std::string(audience_id(audience_));
        return "";
    }

    std::string excluded_chosen_industry(const Question& q) const {
        if (!q.for_every_industry()) return "";
        for (const Tag* t : industry_tags_)
            if (q.excludes_industry(t->id)) return t->id;
        return "";
    }

    bool any_goal(const Question& q) const {
        return std::find(q.goals.begin(), q.goals.end(), kAnyTag) != q.goals.end();
    }

    std::vector<ScoreTerm> base_terms(const Candidate& c) const {
        const Question& q = *c.question;
        std::vector<ScoreTerm> terms;
        if (any_goal(q)) terms.push_back({"any goal", 3});
        else
            terms.push_back({"goals served x3 (" + std::to_string(c.goals_served.size()) + ")",
                             3 * static_cast<int>(c.goals_served.size())});
        if (c.industry) terms.push_back({"written for " + c.industry->id, 4});
        if (c.personal) terms.push_back({"names the company or role", 2});
        if (q.audience != Audience::any)
            terms.push_back({"written for " + std::string(audience_id(q.audience)) + "s", 2});
        terms.push_back({"priority " + std::to_string(q.priority), 4 - q.priority});
        return terms;
    }

    static int sum(const std::vector<ScoreTerm>& terms) {
        int total = 0;
        for (const auto& t : terms) total += t.points;
        return total;
    }

    void left_off(const Question& q, std::string text, std::string reason) {
        if (request_.explain) sheet_.passed_over.push_back({q.id, std::move(text), q.stage, 0, std::move(reason)});
    }

    void collect_candidates() {
        for (const Question& q : banks_.questions) {
            if (q.lang != request_.lang) continue;
            const bool pinned = request_.pinned.count(q.id) > 0;
            Candidate c;
            c.question = &q;
            if (!match_candidate(c) && !pinned) {
                ++sheet_.unrelated;
                continue;
            }
            if (request_.excluded.count(q.id)) {
                left_off(q, q.text, "excluded by you");
                continue;
            }
            if (!pinned && request_.already_asked.count(q.id)) {
                left_off(q, q.text, "already asked to this contact");
                continue;
            }
            if (std::string unfit = unfit_reason(q); !pinned && !unfit.empty()) {
                left_off(q, q.text, unfit);
                continue;
            }
            if (!word_candidate(c)) {
                if (pinned)
                    throw Error("pinned question '" + q.id +
                                "' needs a company, role or contact name that was not given");
                left_off(q, q.text, "needs a company, role or name that was not given");
                continue;
            }
            // The filter (the avoid check) costs far more than the rest, and
            // a big bank has thousands of candidates for a sheet of ten: it
            // judges a candidate only when the candidate is about to join
            // (take_best), which leaves the same sheet. --explain lists
            // every flagged candidate, so there it judges them all here.
            if (!pinned && request_.filter) {
                if (!request_.explain) c.unchecked = true;
                else if (!request_.filter(q, c.text)) {
                    left_off(q, c.text, "flagged by the avoid check");
                    continue;
                }
            }
            c.score = sum(base_terms(c));
            c.tie = stable_hash(q.id, seed_);
            candidates_.push_back(std::move(c));
        }
    }

    // ---- selection ----------------------------------------------------
    size_t index_of_group(const std::string& group) const {
        for (size_t k = 0; k < chosen_.size(); ++k)
            if (candidates_[chosen_[k]].question->group == group) return chosen_[k];
        return candidates_.size();
    }

    void take(size_t index, std::vector<std::string> words, std::string reason = {},
              std::vector<ScoreTerm> extra = {}) {
        Candidate& c = candidates_[index];
        taken_[index] = true;
        chosen_.push_back(index);
        chosen_words_.push_back(std::move(words));
        chosen_reason_.push_back(std::move(reason));
        std::vector<ScoreTerm> terms = base_terms(c);
        terms.insert(terms.end(), extra.begin(), extra.end());
        chosen_terms_.push_back(std::move(terms));
        time_left_ -= c.question->minutes;
        ++stage_count_[static_cast<size_t>(c.question->stage)];
        if (!any_goal(*c.question))  // "*" questions serve every goal a little, none in depth
            for (size_t g : c.goals_served) ++goal_count_[g];
        if (!c.question->group.empty()) groups_taken_.insert(c.question->group);
        if (c.personal) ++personal_taken_;
    }

    // The chosen question text is a near-repeat of, or chosen_.size().
    size_t repeat_of(const std::vector<std::string>& words) const {
        for (size_t k = 0; k < chosen_words_.size(); ++k)
            if (near_repeat(words, chosen_words_[k])) return chosen_[k];
        return candidates_.size();
    }

    void add_pinned() {
        taken_.assign(candidates_.size(), false);
        repeat_of_.assign(candidates_.size(), candidates_.size());
        goal_count_.assign(request_.goals.size(), 0);
        for (size_t i = 0; i < candidates_.size(); ++i)
            if (request_.pinned.count(candidates_[i].question->id))
                take(i, content_words(candidates_[i].text), "pinned");
    }

    // Orders candidates: higher score, then the seeded tie-break.
    bool better(size_t a, int score_a, size_t b, int score_b) const {
        if (score_a != score_b) return score_a > score_b;
        if (candidates_[a].tie != candidates_[b].tie) return candidates_[a].tie < candidates_[b].tie;
        return candidates_[a].question->id < candidates_[b].question->id;
    }

    bool sheet_full() const { return static_cast<int>(chosen_.size()) >= sheet_.max_questions; }

    bool available(size_t i) const {
        const Question& q = *candidates_[i].question;
        return !taken_[i] && !candidates_[i].filtered_out && repeat_of_[i] == candidates_.size() &&
               q.minutes <= time_left_ &&
               (q.group.empty() || !groups_taken_.count(q.group));
    }

    // Takes the best available candidate by score_of that is no near-repeat;
    // repeats found on the way are set aside for good (the sheet only grows).
    template <class ScoreOf, class Eligible>
    bool take_best(ScoreOf score_of, Eligible eligible) {
        if (sheet_full()) return false;
        std::vector<std::pair<int, size_t>> heap;
        for (size_t i = 0; i < candidates_.size(); ++i)
            if (available(i) && eligible(candidates_[i])) heap.emplace_back(score_of(i), i);
        auto worse = [&](const auto& x, const auto& y) { return better(y.second, y.first, x.second, x.first); };
        std::make_heap(heap.begin(), heap.end(), worse);
        while (!heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), worse);
            size_t index = heap.back().second;
            heap.pop_back();
            if (!passes_filter(candidates_[index])) continue;
            auto words = content_words(candidates_[index].text);
            if (size_t other = repeat_of(words); other != candidates_.size()) {
                repeat_of_[index] = other;
                continue;
            }
            std::vector<ScoreTerm> extra;
            if (score_of(index) != candidates_[index].score)
                extra.push_back({"spread over goals, stages and details", score_of(index) - candidates_[index].score});
            take(index, std::move(words), {}, std::move(extra));
            return true;
        }
        return false;
    }

    // Asks the request's filter about a candidate once, when it first
    // matters; one it keeps off the sheet stays off.
    bool passes_filter(Candidate& c) {
        if (c.unchecked) {
            c.unchecked = false;
            c.filtered_out = !request_.filter(*c.question, c.text);
        }
        return !c.filtered_out;
    }

    bool has_stage(Stage stage) const { return stage_count_[static_cast<size_t>(stage)] > 0; }

    void add_opener() {
        if (has_stage(Stage::opening)) return;
        take_best([&](size_t i) { return candidates_[i].score; },
                  [&](const Candidate& c) { return c.question->stage == Stage::opening; });
    }

    // The user removed the referral question when they excluded one of its group.
    bool referral_removed() const {
        for (const auto& id : request_.excluded)
            if (const Question* q = banks_.find(id); q && q->group == kReferralGroup) return true;
        return false;
    }

    void add_closing() {
        auto closing = [](const Candidate& c) { return c.question->stage == Stage::closing; };
        auto score = [&](size_t i) { return candidates_[i].score; };
        if (request_.minutes >= kReferralFromMinutes && !referral_removed())
            take_best(score, [&](const Candidate& c) {
                return closing(c) && c.question->group == kReferralGroup;
            });
        // One closing question (two on long sheets), always leaving a place
        // for the middle of the conversation.
        const int wanted = sheet_.max_questions >= kSecondClosingFromQuestions ? 2 : 1;
        while (stage_count_[static_cast<size_t>(Stage::closing)] < wanted &&
               static_cast<int>(chosen_.size()) + 1 < sheet_.max_questions && take_best(score, closing)) {
        }
    }

    int adjusted_score(size_t i) const {
        const Candidate& c = candidates_[i];
        // Goals few questions serve yet pull harder, so two goals share the sheet.
        int balance = 0;
        if (!any_goal(*c.question))
            for (size_t g : c.goals_served) balance += 2 * std::max(0, 3 - goal_count_[g]);
        // The contact's own experience (insights) is the heart of the
        // conversation: it may take more places than the other stages.
        const int in_stage = stage_count_[static_cast<size_t>(c.question->stage)];
        const int stage_cost = (c.question->stage == Stage::insights ? 1 : 2) * in_stage;
        // A company named in every question sounds like a script: each one
        // already on the sheet costs the next its bonus and more.
        int personal_taken = c.personal ? personal_taken_ : 0;
        return c.score + balance + 2 - stage_cost - 3 * personal_taken;
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
        if (!any_goal(q))
            for (size_t g : c.goals_served) out.push_back(phrase_with(p, "why_goal", goal_tags_[g]->label));
        if (c.industry) out.push_back(phrase_with(p, "why_industry", c.industry->label));
        if (c.personal) {
            for (const auto& name : placeholders_in(q.text)) {
                if (name == "company") out.push_back(phrase_with(p, "why_names", request_.company));
                if (name == "role") out.push_back(phrase_with(p, "why_names", request_.role));
            }
        }
        if (out.empty()) out.push_back(p.at("why_any_goal"));
        return out;
    }

    void finish() {
        std::vector<size_t> order(chosen_.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        // By stage; within the closing, the referral question comes last,
        // after "anything I did not ask?", where the conversation ends.
        auto key = [&](size_t k) {
            const Question& q = *candidates_[chosen_[k]].question;
            return std::pair(q.stage, q.group == kReferralGroup);
        };
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
        for (size_t k : order) {
            const Candidate& c = candidates_[chosen_[k]];
            const Question& q = *c.question;
            SheetItem item{q.id, c.text, q.stage, tags_.stage_label(q.stage), q.minutes,
                           why(c, chosen_reason_[k]), sum(chosen_terms_[k]), chosen_terms_[k]};
            if (chosen_reason_[k] == "pinned") item.terms.insert(item.terms.begin(), {"pinned by you", 0});
            sheet_.items.push_back(std::move(item));
            sheet_.total_minutes += q.minutes;
        }
    }

    // Why a candidate that could go on the sheet did not.
    std::string lost_because(size_t i) const {
        const Question& q = *candidates_[i].question;
        if (repeat_of_[i] != candidates_.size())
            return "near-repeat of " + candidates_[repeat_of_[i]].question->id;
        if (!q.group.empty() && groups_taken_.count(q.group))
            return "same group '" + q.group + "' as " + candidates_[index_of_group(q.group)].question->id;
        if (q.stage == Stage::opening || q.stage == Stage::closing) {
            const Candidate* winner = nullptr;
            for (size_t k : chosen_)
                if (candidates_[k].question->stage == q.stage) winner = &candidates_[k];
            if (!winner) return "no room left for this stage";
            if (q.stage == Stage::closing && winner->question->group == kReferralGroup)
                return "the closing holds the referral question " + winner->question->id +
                       " (every sheet of " + std::to_string(kReferralFromMinutes) + " minutes or more)";
            const std::string what = q.stage == Stage::opening ? "the opener" : "the closing";
            if (winner->score == candidates_[i].score)
                return what + " went to " + winner->question->id + " (same score; the seeded tie-break chose)";
            return what + " went to " + winner->question->id + " (score " + std::to_string(winner->score) + ")";
        }
        if (q.minutes > time_left_ && !sheet_full())
            return "needs " + std::to_string(q.minutes) + " min, " + std::to_string(time_left_) + " left";
        return "lower adjusted score than the " + std::to_string(chosen_.size()) + " questions taken (at most " +
               std::to_string(sheet_.max_questions) + ")";
    }

    void explain_passed_over() {
        for (size_t i = 0; i < candidates_.size(); ++i) {
            if (taken_[i]) continue;
            const Candidate& c = candidates_[i];
            sheet_.passed_over.push_back({c.question->id, c.text, c.question->stage, c.score, lost_because(i)});
        }
        std::stable_sort(sheet_.passed_over.begin(), sheet_.passed_over.end(),
                         [](const PassedOver& a, const PassedOver& b) { return a.score > b.score; });
    }

    const Banks& banks_;
    const SheetRequest& request_;
    const TagSet& tags_;
    const uint64_t seed_;
    Audience audience_ = Audience::any;
    std::vector<const Tag*> industry_tags_, goal_tags_;
    Sheet sheet_;
    std::vector<Candidate> candidates_;
    std::map<const Tag*, std::map<std::string, PlaceholderValue>> placeholder_values_;
    std::vector<bool> taken_;
    std::vector<int> goal_count_;  // per chosen goal: questions on the sheet serving it
    std::vector<size_t> repeat_of_;  // per candidate: the chosen one it repeats, or size()
    std::vector<size_t> chosen_;
    std::vector<std::vector<std::string>> chosen_words_;
    std::vector<std::string> chosen_reason_;
    std::vector<std::vector<ScoreTerm>> chosen_terms_;
    std::set<std::string> groups_taken_;
    std::array<int, kStages.size()> stage_count_{};
    int time_left_ = 0;
    int personal_taken_ = 0;  // questions on the sheet that name the company or role
};

}  // namespace

Sheet build_sheet(const Banks& banks, const SheetRequest& request) {
    return SheetBuilder(banks, request).build();
}

}  // namespace rapport
