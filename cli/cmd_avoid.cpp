// rapport-cli check: is a question one to avoid in an informational interview?
// With --explain, each verdict also says what led to it: the rule that matched
// and/or the learned model's categories with their probabilities.
// rapport-cli avoid-rules [set RULE_ID off|caution|default]: the rules and the
// user's choices about them.
#include "cli/context.h"
#include "engine/questions/avoid.h"
#include "engine/questions/avoid_banks.h"
#include "engine/base/error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace rapport::cli {
namespace {

using json = nlohmann::json;

Language language_option(const std::string& code) {
    auto language = language_from_code(code);
    if (!language) throw Error("--lang '" + code + "' is not a supported language (en, fr)");
    return *language;
}

// The user's choices when a database is there to hold them. Checking never
// creates a database: without --db and without the default file, none apply.
RuleChoices stored_choices(Context& ctx) {
    if (ctx.db_option.empty() && !std::filesystem::exists(ctx.db_path())) return {};
    return load_rule_choices(ctx.db());
}

std::vector<std::string> read_lines(std::istream& in) {
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(line);
    }
    return lines;
}

json flag_json(const AvoidFlag& flag) {
    json out = {
        {"rule", flag.rule->id},
        {"category", flag.rule->category},
        {"severity", severity_name(flag.severity)},
        {"reason", flag.rule->reason},
        {"suggestion", flag.suggestion().text},
    };
    if (!flag.suggestion().question_id.empty()) out["question_id"] = flag.suggestion().question_id;
    return out;
}

// What raised a flag, for --explain: "rule job-request" or
// "model: job-request, not fine 0.97".
std::string flag_cause(const AvoidFlag& flag) {
    if (flag.source == FlagSource::rule) return "rule " + flag.rule->id + " matched";
    char probability[16];
    std::snprintf(probability, sizeof probability, "%.2f", static_cast<double>(flag.probability));
    return "learned model: " + flag.rule->label + " (not fine " + probability + "), through rule " +
           flag.rule->id;
}

// The model's categories, highest first, those above 1 %: "fine 0.93, pay 0.05".
std::string model_scores_text(const AvoidResult& result) {
    std::string out;
    for (const auto& score : result.model_scores) {
        if (score.probability < 0.01F && !out.empty()) break;
        char line[64];
        std::snprintf(line, sizeof line, "%s%s %.2f", out.empty() ? "" : ", ", score.label.c_str(),
                      static_cast<double>(score.probability));
        out += line;
    }
    return out;
}

json result_json(const std::string& text, const AvoidResult& result, bool explain) {
    json flags = json::array();
    for (const auto& flag : result.flags) {
        flags.push_back(flag_json(flag));
        if (!explain) continue;
        flags.back()["source"] = flag.source == FlagSource::rule ? "rule" : "model";
        if (flag.source == FlagSource::model) flags.back()["probability"] = flag.probability;
    }
    json out = {{"text", text}, {"verdict", verdict_name(result.verdict)}, {"flags", flags}};
    if (explain) {
        json model = json::object();
        for (const auto& score : result.model_scores) model[score.label] = score.probability;
        out["model"] = model;
        json read_as = json::object();
        for (const auto& word : result.mended_words) read_as[word.typed] = word.read_as;
        out["read_as"] = read_as;
    }
    return out;
}

void print_result_text(const std::string& text, const AvoidResult& result, bool explain) {
    std::string verdict(verdict_name(result.verdict));
    verdict.resize(8, ' ');
    std::cout << verdict << text << "\n";
    for (const auto& flag : result.flags) {
        std::cout << "        " << severity_name(flag.severity) << " (" << flag.rule->category
                  << ", rule " << flag.rule->id << "): " << flag.rule->reason << "\n"
                  << "        ask instead: " << flag.suggestion().text << "\n";
        if (explain) std::cout << "        why: " << flag_cause(flag) << "\n";
    }
    if (explain && !result.model_scores.empty())
        std::cout << "        model: " << model_scores_text(result) << "\n";
    if (explain && !result.mended_words.empty()) {
        std::cout << "        read as:";
        for (const auto& word : result.mended_words) std::cout << " " << word.typed << " -> " << word.read_as << ";";
        std::cout << "\n";
    }
}

struct CheckOptions {
    std::string lang = "en";
    std::string format;
    bool explain = false;
    std::vector<std::string> questions;
};

void run_check(Context& ctx, const CheckOptions& options) {
    const Language language = language_option(options.lang);
    AvoidRuleSet rules = load_avoid_rules(ctx.banks_dir(), language);
    link_suggestions_to_banks(rules, ctx.banks());  // better questions come from the banks
    AvoidChecker checker(std::move(rules), stored_choices(ctx));
    const std::vector<std::string> questions =
        options.questions.empty() ? read_lines(std::cin) : options.questions;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const std::string name = "question " + std::to_string(i + 1);
        require_utf8(questions[i], name);
        if (questions[i].find_first_not_of(" \t\r\n") == std::string::npos)
            throw Error(name + ": is empty; give a question to check");
    }
    std::vector<AvoidResult> results;
    for (const auto& question : questions)
        results.push_back(options.explain ? checker.explain(question) : checker.check(question));

    json all = json::array();
    for (std::size_t i = 0; i < questions.size(); ++i) {
        if (results[i].verdict == Verdict::avoid) ctx.exit_code = kExitProblems;
        if (options.format == "json") all.push_back(result_json(questions[i], results[i], options.explain));
        else print_result_text(questions[i], results[i], options.explain);
    }
    if (options.format == "json") std::cout << json_text(all, 2) << "\n";
}

struct RulesOptions {
    std::string lang = "en";
    std::string format;
    std::string rule_id;
    std::string choice;
};

void list_rules(Context& ctx, const RulesOptions& options) {
    const Language language = language_option(options.lang);
    const AvoidChecker checker(load_avoid_rules(ctx.banks_dir(), language), stored_choices(ctx));
    json all = json::array();
    for (const auto& rule : checker.rules().rules()) {
        const auto effective = checker.effective_severity(rule);
        const std::string now = effective ? std::string(severity_name(*effective)) : "off";
        if (options.format == "json") {
            json suggestions = json::array();
            for (const auto& s : rule.suggestions) suggestions.push_back(s.text);
            all.push_back({{"id", rule.id},
                           {"category", rule.category},
                           {"severity", severity_name(rule.severity)},
                           {"effective", now},
                           {"reason", rule.reason},
                           {"suggestions", suggestions},
                           {"patterns", rule.patterns},
                           {"unless", rule.exceptions}});
            continue;
        }
        std::cout << rule.id << "  [" << rule.category << ", " << severity_name(rule.severity)
                  << (now != severity_name(rule.severity) ? ", your choice: " + now : "") << "]\n"
                  << "    " << rule.reason << "\n";
    }
    if (options.format == "json") std::cout << json_text(all, 2) << "\n";
}

// The choice applies to the rule id in every language, so the id only has to
// exist in one of them.
void set_rule_choice(Context& ctx, const RulesOptions& options) {
    const auto choice = rule_choice_from_name(options.choice);
    if (!choice)
        throw Error("'" + options.choice + "' is not a choice; use off, caution or default");
    bool known = false;
    for (Language language : supported_languages())
        known = known || load_avoid_rules(ctx.banks_dir(), language).find(options.rule_id);
    if (!known)
        throw Error("no avoid rule has the id '" + options.rule_id +
                    "' (see 'rapport-cli avoid-rules')");
    save_rule_choice(ctx.db(), options.rule_id, *choice);
    std::cout << "avoid rule " << options.rule_id << ": " << rule_choice_name(*choice) << "\n";
}

void add_lang_option(CLI::App* cmd, std::string& lang) {
    cmd->add_option("--lang", lang, "Language of the questions: en or fr")
        ->check(CLI::IsMember({"en", "fr"}))
        ->capture_default_str();
}

}  // namespace

void add_avoid_commands(CLI::App& app, Context& ctx) {
    auto check_options = std::make_shared<CheckOptions>();
    auto* check = app.add_subcommand(
        "check", "Flag questions to avoid in an informational interview (exit 1 if any)");
    add_lang_option(check, check_options->lang);
    add_format_option(check, check_options->format, {"text", "json"});
    check->add_flag("--explain", check_options->explain,
                    "Also show what led to each verdict: the rule and/or the learned model's "
                    "categories and probabilities");
    check->add_option("questions", check_options->questions,
                      "Questions to check (default: one per line from standard input)");
    on_run(check, ctx, [&ctx, check_options] { run_check(ctx, *check_options); });

    auto rules_options = std::make_shared<RulesOptions>();
    auto* rules = app.add_subcommand("avoid-rules", "List the avoid rules and your choices");
    add_lang_option(rules, rules_options->lang);
    add_format_option(rules, rules_options->format, {"text", "json"});
    rules->require_subcommand(0, 1);
    auto* set = rules->add_subcommand("set", "Switch a rule off, down to caution, or back to default");
    set->add_option("rule", rules_options->rule_id, "Rule id (see 'rapport-cli avoid-rules')")
        ->required();
    set->add_option("choice", rules_options->choice, "off, caution or default")->required();
    on_run(set, ctx, [&ctx, rules_options] { set_rule_choice(ctx, *rules_options); });
    // The parent's callback runs after its subcommand's: list only when no
    // subcommand was given.
    rules->callback([&ctx, rules, rules_options] {
        if (rules->get_subcommands().empty())
            ctx.action = [&ctx, rules_options] { list_rules(ctx, *rules_options); };
    });
}

}  // namespace rapport::cli
