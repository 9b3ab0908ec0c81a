// rapport-cli pitch: analyze a script, log timed attempts, list them, keep
// saved scripts and show progress. All the logic is in engine/pitch_*.h; this
// file reads the input, calls the engine and prints.
#include "cli/context.h"
#include "engine/base/error.h"
#include "engine/base/json_source.h"
#include "engine/pitch/advice.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/wording.h"
#include "engine/pitch/progress.h"
#include "engine/pitch/store.h"
#include "engine/pitch/word_count.h"
#include "engine/records/profile.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

namespace rapport::cli {
namespace {

// Ordered, so the fields print in the documented order.
using json = nlohmann::ordered_json;

// ---------------------------------------------------------------------------
// Input and formatting helpers
// ---------------------------------------------------------------------------

// The text of FILE, or of standard input for "-"; must be UTF-8.
std::string read_script_input(const std::string& file) {
    std::string text;
    if (file == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        text = read_text_file(file);
    }
    require_utf8(text, file == "-" ? "standard input" : file);
    return text;
}

std::string one_decimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// "60" for whole numbers, else one decimal.
std::string short_number(double value) {
    return value == static_cast<double>(static_cast<long long>(value))
               ? std::to_string(static_cast<long long>(value))
               : one_decimal(value);
}

std::string signed_seconds(double offset) {
    return (offset > 0 ? "+" : "") + one_decimal(offset) + " s";
}

json optional_json(const auto& value) { return value ? json(*value) : json(nullptr); }

// Prints items as a JSON array, each converted by to_json.
template <class T, class ToJson>
void print_json_array(const std::vector<T>& items, ToJson to_json) {
    json out = json::array();
    for (const T& item : items) out.push_back(to_json(item));
    std::cout << json_text(out, 2) << "\n";
}

// --script ID and --format text|json, shared by the listing commands.
struct ListOptions {
    std::optional<std::int64_t> script;
    std::string format;
};

std::shared_ptr<ListOptions> add_list_options(CLI::App* cmd, const std::string& script_help) {
    auto o = std::make_shared<ListOptions>();
    cmd->add_option("--script", o->script, script_help);
    add_format_option(cmd, o->format, {"text", "json"});
    return o;
}

// ---------------------------------------------------------------------------
// pitch analyze
// ---------------------------------------------------------------------------

struct AnalyzeOptions {
    std::optional<double> target;
    std::optional<double> wpm;
    std::optional<std::string> language;
    std::optional<std::int64_t> script;
    std::string format;
    std::string file;
};

json evidence_json(const ComponentEvidence& e) {
    return {{"sentence", e.sentence},
            {"begin", e.begin},
            {"end", e.end},
            {"confidence", e.confidence},
            {"cue", e.cue.empty() ? json(nullptr) : json(e.cue)}};
}

// Rounded so the output reads well and compares across runs.
double two_decimals(double value) { return std::round(value * 100) / 100; }

json analysis_json(const PitchAnalysis& a) {
    json components = json::object(), status = json::object(), confidence = json::object(),
         evidence = json::object();
    for (const ComponentCoverage& c : a.components) {
        const std::string name(component_name(c.component));
        components[name] = c.covered;
        status[name] = component_status_name(c.status);
        confidence[name] = two_decimals(c.confidence);
        evidence[name] = json::array();
        for (ComponentEvidence e : c.evidence) {
            e.confidence = two_decimals(e.confidence);
            evidence[name].push_back(evidence_json(e));
        }
    }
    json asks = json::array();
    for (const PitchAsk& k : a.asks)
        asks.push_back({{"kind", ask_kind_name(k.kind)}, {"sentence", k.sentence},
                        {"begin", k.begin}, {"end", k.end},
                        {"confidence", two_decimals(k.confidence)}});
    json warnings = json::array();
    for (const PitchWarning& w : a.warnings)
        warnings.push_back({{"code", w.code}, {"message", w.message}});
    json advice = json::array();
    for (const PitchAdvice& item : a.advice)
        advice.push_back({{"code", item.code}, {"message", item.message}});
    return {{"words", a.words},
            {"estimated_seconds", a.estimated_seconds},
            {"target_seconds", optional_json(a.target_seconds)},
            {"wpm", a.wpm},
            {"wpm_source", wpm_source_name(a.wpm_source)},
            {"components", components},
            {"status", status},
            {"confidence", confidence},
            {"evidence", evidence},
            {"asks", asks},
            {"warnings", warnings},
            {"advice", advice}};
}

void print_components_text(const PitchAnalysis& a) {
    std::cout << "Components:\n";
    for (const ComponentCoverage& c : a.components) {
        std::string name(component_name(c.component));
        name.resize(16, ' ');
        const char* mark = c.status == ComponentStatus::present ? "[x] "
                           : c.status == ComponentStatus::maybe ? "[?] "
                                                                : "[ ] ";
        std::cout << "  " << mark << name;
        if (c.evidence.empty()) std::cout << "-\n";
        else
            std::cout << "\"" << c.evidence.front().sentence << "\" ("
                      << std::lround(c.confidence * 100) << "%)\n";
    }
}

void print_analysis_text(const PitchAnalysis& a) {
    const char* rate_origin = a.wpm_source == WpmSource::option     ? "given rate"
                              : a.wpm_source == WpmSource::measured ? "your measured rate"
                                                                    : "default rate";
    std::cout << "Words:     " << a.words << " in " << a.sentences
              << (a.sentences == 1 ? " sentence\n" : " sentences\n")
              << "Estimated: " << one_decimal(a.estimated_seconds) << " s at "
              << short_number(a.wpm) << " words per minute (" << rate_origin << ")\n";
    if (a.target_seconds)
        std::cout << "Target:    " << short_number(*a.target_seconds) << " s (allowed "
                  << short_number(*a.target_seconds * (1 - kPitchTargetTolerance)) << "-"
                  << short_number(*a.target_seconds * (1 + kPitchTargetTolerance)) << " s)\n";
    else
        std::cout << "Target:    none (" << short_number(kUsualPitchShortestSeconds) << "-"
                  << short_number(kUsualPitchLongestSeconds) << " s is usual)\n";
    std::cout << "\n";
    print_components_text(a);
    std::cout << "\nAdvice:\n";
    for (std::size_t i = 0; i < a.advice.size(); ++i) {
        if (i == kFirstAdvice) std::cout << "  " << pitch_wording(a.language).more_heading << "\n";
        std::cout << "  " << i + 1 << ". " << a.advice[i].message << "\n";
    }
    std::cout << "\n";
    if (a.warnings.empty()) std::cout << "No warnings.\n";
    else std::cout << "Warnings:\n";
    for (const PitchWarning& w : a.warnings)
        std::cout << "  " << w.code << ": " << w.message << "\n";
}

// The profile's field and goals for the suggestions, when the database
// exists: analyzing a script never creates one.
PitchProfileHints profile_hints(Context& ctx) {
    if (!std::filesystem::exists(ctx.db_path())) return {};
    const Profile profile = load_profile(ctx.db());
    return {profile.field, profile.goals};
}

void run_analyze(Context& ctx, const AnalyzeOptions& o) {
    std::optional<PitchScript> script;
    if (o.script) script = get_pitch_script(ctx.db(), *o.script);
    if (o.file.empty() && !script)
        throw Error("pitch analyze: give a FILE (or - for standard input), or --script ID");

    const std::string text = o.file.empty() ? script->text : read_script_input(o.file);
    const std::string language = o.language.value_or(script ? script->language : "en");
    PitchAnalysisOptions options;
    options.target_seconds = o.target;
    if (!options.target_seconds && script) options.target_seconds = script->target_seconds;
    options.wpm = o.wpm;
    if (script) options.measured_wpm = measured_words_per_minute(ctx.db(), script->id);
    options.profile = profile_hints(ctx);

    PitchAnalyzer analyzer(load_pitch_cues(pitch_cues_file(ctx.banks_dir(), language)),
                           shipped_pitch_models(language));
    const PitchAnalysis analysis = analyzer.analyze(text, options);
    if (o.format == "json") std::cout << json_text(analysis_json(analysis), 2) << "\n";
    else print_analysis_text(analysis);
}

void add_analyze(CLI::App* pitch, Context& ctx) {
    auto* cmd = pitch->add_subcommand("analyze", "Count words, estimate the length, find the "
                                                 "components covered and warn about problems");
    auto o = std::make_shared<AnalyzeOptions>();
    cmd->add_option("--target", o->target, "Target length in seconds (default: the script's, else "
                                           "none: 30 s to 2 min is fine)");
    cmd->add_option("--wpm", o->wpm, "Speaking rate in words per minute (default: your measured "
                                     "rate for --script, else 140)");
    cmd->add_option("--lang", o->language, "Language of the script: en|fr (default: the "
                                           "script's, else en)")
        ->check(CLI::IsMember({"en", "fr"}));
    cmd->add_option("--script", o->script, "Saved script ID: its text when no FILE is given, "
                                           "its target, language and measured rate");
    add_format_option(cmd, o->format, {"text", "json"});
    cmd->add_option("FILE", o->file, "Script file, or - for standard input");
    on_run(cmd, ctx, [&ctx, o] { run_analyze(ctx, *o); });
}

// ---------------------------------------------------------------------------
// pitch log / history / progress
// ---------------------------------------------------------------------------

json attempt_json(const PitchAttempt& a) {
    return {{"id", a.id},         {"script", optional_json(a.script_id)},
            {"seconds", a.seconds}, {"target", a.target_seconds},
            {"at", a.at},         {"words", optional_json(a.words)},
            {"rating", optional_json(a.rating)}, {"note", optional_json(a.note)},
            {"wpm", optional_json(a.spoken_wpm)}, {"fillers_per_minute", optional_json(a.fillers_per_minute)}};
}

// An attempt of a script with no target was only timed against 2 min so the
// clock had an end: it is shown with no target and no distance from one.
std::string attempt_line(const PitchAttempt& a, PitchLengthGoal goal = PitchLengthGoal::target) {
    std::string line = a.at + "  " + one_decimal(a.seconds) + " s";
    if (goal == PitchLengthGoal::target)
        line += " of " + short_number(a.target_seconds) + " s (" +
                signed_seconds(a.seconds - a.target_seconds) + ")";
    else
        line += " (no target)";
    if (a.script_id) line += "  script " + std::to_string(*a.script_id);
    if (a.rating) line += "  rated " + std::to_string(*a.rating) + "/5";
    if (a.note) line += "  \"" + *a.note + "\"";
    if (a.spoken_wpm) line += "  " + short_number(std::round(*a.spoken_wpm)) + " wpm";
    if (a.fillers_per_minute) line += "  " + one_decimal(*a.fillers_per_minute) + " fillers/min";
    return line;
}

void add_log(CLI::App* pitch, Context& ctx) {
    auto* cmd = pitch->add_subcommand("log", "Record a timed attempt");
    struct Options {
        NewPitchAttempt attempt;
        std::optional<double> target;
        std::optional<std::int64_t> script;
        std::optional<int> rating;
        std::optional<std::string> note;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--seconds", o->attempt.seconds, "Length of the attempt in seconds")->required();
    cmd->add_option("--target", o->target, "Target length in seconds (default: the script's, else 60)");
    cmd->add_option("--script", o->script, "Saved script ID the attempt was spoken from");
    cmd->add_option("--rating", o->rating, "Your own rating, 1 to 5");
    cmd->add_option("--note", o->note, "A short note");
    on_run(cmd, ctx, [&ctx, o] {
        NewPitchAttempt attempt = o->attempt;
        attempt.target_seconds = o->target;
        attempt.script_id = o->script;
        attempt.rating = o->rating;
        attempt.note = o->note;
        attempt.at = std::chrono::system_clock::now();
        const PitchAttempt logged = record_pitch_attempt(ctx.db(), attempt);
        const PitchLengthGoal goal = logged.script_id
                                         ? length_goal_of(get_pitch_script(ctx.db(), *logged.script_id))
                                         : PitchLengthGoal::target;
        std::cout << "Logged attempt " << logged.id << ": " << attempt_line(logged, goal) << "\n";
    });
}

// How each script's attempts are measured (a script with no target: the usual range).
std::map<std::int64_t, PitchLengthGoal> length_goals(Database& db) {
    std::map<std::int64_t, PitchLengthGoal> goals;
    for (const PitchScript& s : list_pitch_scripts(db)) goals[s.id] = length_goal_of(s);
    return goals;
}

void add_history(CLI::App* pitch, Context& ctx) {
    auto* cmd = pitch->add_subcommand("history", "List timed attempts, oldest first");
    auto o = add_list_options(cmd, "Only the attempts of this saved script");
    on_run(cmd, ctx, [&ctx, o] {
        const auto attempts = list_pitch_attempts(ctx.db(), o->script);
        if (o->format == "json") return print_json_array(attempts, attempt_json);
        if (attempts.empty()) std::cout << "No attempts yet.\n";
        const auto goals = length_goals(ctx.db());
        for (const PitchAttempt& a : attempts) {
            const auto goal = a.script_id ? goals.find(*a.script_id) : goals.end();
            std::cout << attempt_line(a, goal == goals.end() ? PitchLengthGoal::target : goal->second)
                      << "\n";
        }
    });
}

json progress_json(const ScriptProgress& s) {
    const PitchProgress& p = s.progress;
    json last = json::array();
    for (const PitchAttempt& a : p.last) last.push_back(attempt_json(a));
    // With no target, the distances are from the usual range (0 inside it).
    return {{"script", optional_json(s.script_id)},
            {"title", s.title},
            {"length_goal", s.goal == PitchLengthGoal::target ? "target" : "usual_range"},
            {"attempts", p.attempts},
            {"best", p.best ? attempt_json(*p.best) : json(nullptr)},
            {"average_seconds", p.average_seconds},
            {"average_distance_seconds", p.average_distance_seconds},
            {"last_offset_seconds", p.last_offset_seconds},
            {"measured_wpm", optional_json(s.measured_wpm)},
            {"last", last}};
}

void print_progress_text(const ScriptProgress& s) {
    const PitchProgress& p = s.progress;
    std::cout << (s.script_id ? "Script " + std::to_string(*s.script_id) + ": " + s.title
                              : std::string("Attempts without a script"))
              << "\n";
    if (p.attempts == 0) {
        std::cout << "  no attempts yet\n";
        return;
    }
    std::cout << "  attempts:          " << p.attempts << "\n";
    if (s.goal == PitchLengthGoal::usual_range) {
        // No target: lengths only, no verdict; the best is the latest in the usual range.
        std::cout << "  target:            none (" << short_number(kUsualPitchShortestSeconds) << "-"
                  << short_number(kUsualPitchLongestSeconds) << " s is usual)\n"
                  << "  best:              " << attempt_line(*p.best, s.goal) << "\n"
                  << "  average:           " << one_decimal(p.average_seconds) << " s\n"
                  << "  last:              " << one_decimal(p.last_seconds) << " s\n";
    } else {
        std::cout << "  best:              " << attempt_line(*p.best) << "\n"
                  << "  average:           " << one_decimal(p.average_seconds) << " s, "
                  << one_decimal(p.average_distance_seconds) << " s from target on average\n"
                  << "  last:              " << signed_seconds(p.last_offset_seconds)
                  << " from target\n";
    }
    if (s.measured_wpm)
        std::cout << "  speaking rate:     " << one_decimal(*s.measured_wpm) << " words per minute\n";
    std::cout << "  last attempts:\n";
    for (const PitchAttempt& a : p.last) std::cout << "    " << attempt_line(a, s.goal) << "\n";
}

void add_progress(CLI::App* pitch, Context& ctx) {
    auto* cmd = pitch->add_subcommand("progress", "Best, average and distance from target, "
                                                  "per script");
    auto o = add_list_options(cmd, "Only this saved script");
    on_run(cmd, ctx, [&ctx, o] {
        const auto all = pitch_progress(ctx.db(), o->script);
        if (o->format == "json") return print_json_array(all, progress_json);
        if (all.empty()) std::cout << "No attempts yet.\n";
        for (const ScriptProgress& s : all) print_progress_text(s);
    });
}

// ---------------------------------------------------------------------------
// pitch scripts list / show / add / edit
// ---------------------------------------------------------------------------

// "60 s", or "no target".
std::string target_text(const PitchScript& s) {
    return s.target_seconds ? short_number(*s.target_seconds) + " s" : "no target";
}

json script_json(const PitchScript& s, bool with_text) {
    json out = {{"id", s.id},
                {"title", s.title},
                {"language", s.language},
                {"target_seconds", optional_json(s.target_seconds)},
                {"created_at", s.created_at},
                {"updated_at", s.updated_at}};
    if (with_text) out["text"] = s.text;
    return out;
}

void add_scripts_list(CLI::App* scripts, Context& ctx) {
    auto* cmd = scripts->add_subcommand("list", "List saved scripts");
    auto format = add_text_or_json_format(cmd);
    on_run(cmd, ctx, [&ctx, format] {
        const auto all = list_pitch_scripts(ctx.db());
        if (*format == "json")
            return print_json_array(all, [](const PitchScript& s) { return script_json(s, false); });
        if (all.empty()) std::cout << "No saved scripts.\n";
        for (const PitchScript& s : all)
            std::cout << s.id << "  " << s.title << "  (" << s.language << ", "
                      << target_text(s) << ")\n";
    });
}

void add_scripts_show(CLI::App* scripts, Context& ctx) {
    auto* cmd = scripts->add_subcommand("show", "Show a saved script");
    struct Options {
        std::int64_t id = 0;
        std::string format;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("ID", o->id, "Script ID")->required();
    add_format_option(cmd, o->format, {"text", "json"});
    on_run(cmd, ctx, [&ctx, o] {
        const PitchScript s = get_pitch_script(ctx.db(), o->id);
        if (o->format == "json") {
            std::cout << json_text(script_json(s, true), 2) << "\n";
            return;
        }
        std::cout << s.title << " (" << s.language << ", " << target_text(s) << ")\n\n"
                  << s.text << (s.text.ends_with('\n') ? "" : "\n");
    });
}

void add_scripts_add(CLI::App* scripts, Context& ctx) {
    auto* cmd = scripts->add_subcommand("add", "Save a script from a file or standard input");
    struct Options {
        NewPitchScript script;
        bool no_target = false;
        std::string file;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--title", o->script.title, "Title")->required();
    cmd->add_option("--lang", o->script.language, "Language: en|fr")
        ->check(CLI::IsMember({"en", "fr"}))
        ->capture_default_str();
    cmd->add_option("--target", o->script.target_seconds, "Target length in seconds (default 60)");
    auto* no_target = cmd->add_flag("--no-target", o->no_target,
                                    "No target: the length is shown without a verdict");
    no_target->excludes("--target");
    cmd->add_option("FILE", o->file, "Script file, or - for standard input")->required();
    on_run(cmd, ctx, [&ctx, o] {
        NewPitchScript script = o->script;
        if (o->no_target) script.target_seconds.reset();
        script.text = read_script_input(o->file);
        const std::int64_t id = add_pitch_script(ctx.db(), script);
        std::cout << "Saved script " << id << ": " << script.title << "\n";
    });
}

void add_scripts_edit(CLI::App* scripts, Context& ctx) {
    auto* cmd = scripts->add_subcommand("edit", "Change a saved script's title, language, "
                                                "target or text (from a file or standard input)");
    struct Options {
        std::int64_t id = 0;
        PitchScriptEdit edit;
        std::string file;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("ID", o->id, "Script ID")->required();
    cmd->add_option("--title", o->edit.title, "New title");
    cmd->add_option("--lang", o->edit.language, "New language: en|fr")
        ->check(CLI::IsMember({"en", "fr"}));
    cmd->add_option("--target", o->edit.target_seconds, "New target length in seconds");
    cmd->add_flag("--no-target", o->edit.clear_target, "Remove the target (no length verdict)")
        ->excludes("--target");
    cmd->add_option("FILE", o->file, "New text from this file, or - for standard input");
    on_run(cmd, ctx, [&ctx, o] {
        PitchScriptEdit edit = o->edit;
        if (!o->file.empty()) edit.text = read_script_input(o->file);
        if (!edit.title && !edit.language && !edit.target_seconds && !edit.clear_target && !edit.text)
            throw Error("pitch scripts edit: nothing to change (give --title, --lang, --target, "
                        "--no-target or FILE)");
        edit_pitch_script(ctx.db(), o->id, edit);
        std::cout << "Updated script " << o->id << "\n";
    });
}

}  // namespace

void add_pitch_commands(CLI::App& app, Context& ctx) {
    auto* pitch = app.add_subcommand("pitch", "Elevator pitch: analyze a script, log and "
                                              "review timed attempts, keep saved scripts");
    pitch->require_subcommand(1);
    add_analyze(pitch, ctx);
    add_log(pitch, ctx);
    add_history(pitch, ctx);
    add_progress(pitch, ctx);
    add_pitch_listen_commands(pitch, ctx);
    auto* scripts = pitch->add_subcommand("scripts", "Saved pitch scripts: list, show, add, edit");
    scripts->require_subcommand(1);
    add_scripts_list(scripts, ctx);
    add_scripts_show(scripts, ctx);
    add_scripts_add(scripts, ctx);
    add_scripts_edit(scripts, ctx);
}

}  // namespace rapport::cli
