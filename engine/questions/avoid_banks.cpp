#include "engine/questions/avoid_banks.h"

#include "engine/base/paths.h"
#include "engine/base/placeholders.h"

#include <algorithm>

namespace rapport {
namespace {

// How {industry} is said when no industry is known.
std::string general_industry_phrase(std::string_view lang) {
    return lang == "fr" ? "ce domaine" : "this field";
}

}  // namespace

std::optional<std::string> suggestion_text_from_bank(const Question& question) {
    const std::map<std::string, std::string> general = {
        {"industry", general_industry_phrase(question.lang)}};
    if (auto filled = fill_placeholders(question.text, general)) return filled;
    if (!question.generic_text.empty())
        if (auto filled = fill_placeholders(question.generic_text, general)) return filled;
    return std::nullopt;
}

void link_suggestions_to_banks(AvoidRuleSet& rules, const Banks& banks) {
    const std::string lang(language_code(rules.language()));
    rules.link_suggestions([&](const AvoidSuggestion& s) -> std::optional<std::string> {
        if (s.question_id.empty()) return std::nullopt;
        const Question* q = banks.find(s.question_id);
        if (!q || q->lang != lang) return std::nullopt;
        return suggestion_text_from_bank(*q);
    });
}

std::filesystem::path avoid_rules_for(const std::filesystem::path& banks_dir, Language language) {
    std::filesystem::path local = avoid_rules_path(banks_dir, language);
    std::error_code ec;
    return std::filesystem::exists(local, ec) ? local
                                              : avoid_rules_path(shipped_banks_dir(), language);
}

QuestionFilter avoid_sheet_filter(std::shared_ptr<AvoidChecker> checker) {
    return [checker](const Question&, const std::string& text) {
        return checker->check(text).verdict != Verdict::avoid;
    };
}

namespace {

// "is one to avoid (pay, rule pay-contact-or-role): reason" for the first flag
// of the verdict's severity.
std::string verdict_problem(const AvoidResult& result) {
    const Severity worst = result.verdict == Verdict::avoid ? Severity::avoid : Severity::caution;
    const AvoidFlag& flag = *std::find_if(result.flags.begin(), result.flags.end(),
                                          [&](const AvoidFlag& f) { return f.severity == worst; });
    return std::string(worst == Severity::avoid ? "is one to avoid" : "gets a caution") + " (" +
           flag.rule->category + ", rule " + flag.rule->id +
           (flag.source == FlagSource::model ? ", learned model" : "") + "): " + flag.rule->reason;
}

}  // namespace

LintPass avoid_lint_pass(const std::filesystem::path& banks_dir) {
    return [banks_dir](const Banks& banks, std::vector<Problem>& problems) {
        for (Language language : supported_languages()) {
            const std::string lang(language_code(language));
            const std::filesystem::path rules_file = avoid_rules_for(banks_dir, language);
            AvoidRuleSet rules = AvoidRuleSet::load(rules_file, language);
            // Suggestion ids are checked only against the banks shipped with
            // the rules (a folder linted with the shipped rules need not hold them).
            const bool rules_belong_here = rules_file.parent_path() == banks_dir;
            for (const auto& rule : rules.rules())
                for (const auto& s : rule.suggestions) {
                    const Question* q = s.question_id.empty() ? nullptr : banks.find(s.question_id);
                    if (rules_belong_here && !s.question_id.empty() && (!q || q->lang != lang))
                        problems.push_back({rule.location, "suggestion names question \"" +
                                                               s.question_id + "\", which no " +
                                                               lang + " bank has"});
                }
            // Good questions must come back ok: a bank question or a suggested
            // better question that the check itself flags would teach the
            // user the wrong thing.
            link_suggestions_to_banks(rules, banks);
            AvoidChecker checker(std::move(rules));
            if (rules_belong_here)
                for (const auto& rule : checker.rules().rules())
                    for (const auto& s : rule.suggestions) {
                        const AvoidResult result = checker.check(s.text);
                        if (result.verdict != Verdict::ok)
                            problems.push_back({rule.location, "suggestion \"" + s.text + "\" " +
                                                                   verdict_problem(result)});
                    }
            for (const Question& q : banks.questions) {
                if (q.lang != lang) continue;
                for (const std::string* text : {&q.text, &q.generic_text}) {
                    if (text->empty()) continue;
                    const AvoidResult result = checker.check(*text);
                    if (result.verdict == Verdict::ok) continue;
                    problems.push_back({q.where, "question \"" + q.id + "\" " + verdict_problem(result)});
                    break;
                }
            }
        }
    };
}

}  // namespace rapport
