// rapport-cli pitch listen FILE: the coach's report on a recorded pitch
// (engine/pitch/spoken_report.h), printed as text or JSON and, with --log,
// stored as an attempt. Also "pitch delete ID" and "pitch keep-recordings".
#include "cli/context.h"
#include "engine/audio/audio_clip.h"
#include "engine/base/error.h"
#include "engine/base/json_source.h"
#include "engine/pitch/spoken_report.h"
#include "engine/pitch/spoken_store.h"
#include "engine/pitch/store.h"
#include "engine/pitch/word_count.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace rapport::cli {
namespace {

struct ListenOptions {
    std::string file;
    std::optional<std::int64_t> script;
    std::string script_file;
    std::optional<std::string> language;
    std::optional<double> target;
    std::string format;
    bool log = false;
};

std::string clock(double seconds) {
    char buf[24];
    const double rounded = std::round(seconds * 10) / 10;
    std::snprintf(buf, sizeof buf, "%d:%04.1f", static_cast<int>(rounded / 60), std::fmod(rounded, 60.0));
    return buf;
}

std::string fixed(double value, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

void print_report_text(const SpokenReport& r) {
    std::cout << "Speaking time: " << fixed(r.speaking_seconds, 1) << " s (";
    if (r.target_seconds) {
        const double offset = r.speaking_seconds - *r.target_seconds;
        std::cout << "target " << fixed(*r.target_seconds, 0) << " s, " << (offset > 0 ? "+" : "") << fixed(offset, 1)
                  << " s)\n";
    } else {
        std::cout << "no target; most pitches run 30 s to 2 min)\n";
    }
    std::cout << "Pace:          " << fixed(r.wpm, 0) << " words a minute, "
              << (r.wpm_source == "script" ? "words from the script" : "estimated from syllables");
    if (r.usual_wpm) std::cout << " (your usual: " << fixed(*r.usual_wpm, 0) << ")";
    std::cout << "\n";
    if (!r.pace.empty()) {
        std::cout << "Pace over time:";
        for (const PacePoint& p : r.pace) std::cout << "  " << clock(p.at) << " " << fixed(p.wpm, 0);
        std::cout << "\n";
    }
    std::cout << "Pauses:        " << r.pauses.size() << " of 0.5 s or more";
    for (const Pause& p : r.pauses) std::cout << "\n  " << clock(p.start) << " to " << clock(p.end) << " (" << fixed(p.seconds(), 1) << " s)";
    std::cout << "\n";
    if (r.recognized) {
        std::cout << "Fillers:       " << r.fillers.size() << " (" << fixed(r.fillers_per_minute, 1) << " a minute)";
        for (const SpokenFiller& f : r.fillers) std::cout << "  " << f.word << " at " << clock(f.at);
        std::cout << "\n";
        std::cout << "Script:        " << r.sentences.size() - r.skipped_sentences() << " of " << r.sentences.size()
                  << " sentences said\n";
        for (const SpokenSentence& s : r.sentences)
            if (!s.said) std::cout << "  skipped: " << s.text << "\n";
    }
    if (!r.suggestions.empty()) {
        std::cout << "Suggestions:\n";
        for (std::size_t i = 0; i < r.suggestions.size(); ++i) std::cout << "  " << i + 1 << ". " << r.suggestions[i] << "\n";
    }
    for (const std::string& limit : r.limits) std::cout << "Note: " << limit << "\n";
}

void run_listen(Context& ctx, const ListenOptions& o) {
    if (o.script && !o.script_file.empty())
        throw Error("pitch listen: give --script or --script-file, not both");
    // Read everything first: a bad file stops here, before anything is stored.
    const AudioClip clip = read_audio_file(o.file);

    SpokenPitchOptions options;
    std::optional<PitchScript> script;
    if (o.script) {
        script = get_pitch_script(ctx.db(), *o.script);
        options.script = script->text;
    } else if (!o.script_file.empty()) {
        options.script = read_text_file(o.script_file);
        require_utf8(*options.script, o.script_file);
    }
    options.language = o.language.value_or(script ? script->language : "en");
    // A script with no target gets no length verdict; its attempt is still
    // logged against attempt_target_seconds().
    options.target_seconds = o.target ? o.target : script ? script->target_seconds : std::optional<double>(60);
    if (o.log || o.script) options.usual_wpm = usual_spoken_wpm(ctx.db(), o.script);

    SpokenReport report;
    try {
        report = analyze_spoken_pitch(clip, options);
    } catch (const Error& e) {
        throw Error(o.file + ": " + e.what());
    }
    if (o.format == "json") print_json(spoken_report_json(report));
    else print_report_text(report);

    if (o.log) {
        NewPitchAttempt attempt;
        attempt.script_id = o.script;
        attempt.target_seconds = o.target.value_or(script ? attempt_target_seconds(*script) : 60);
        const PitchAttempt logged = log_spoken_attempt(ctx.db(), attempt, report, &clip);
        (o.format == "json" ? std::cerr : std::cout) << "Logged attempt " << logged.id << "\n";
    }
}

}  // namespace

void add_pitch_listen_commands(CLI::App* pitch, Context& ctx) {
    auto* cmd = pitch->add_subcommand("listen", "Listen to a recorded pitch (WAV, FLAC, OGG): "
                                                "speaking time, pauses, pace, fillers, skipped parts");
    auto o = std::make_shared<ListenOptions>();
    cmd->add_option("FILE", o->file, "The recording")->required();
    cmd->add_option("--script", o->script, "Saved script ID that was spoken (its text, target and language)");
    cmd->add_option("--script-file", o->script_file, "A file holding the script that was spoken");
    cmd->add_option("--lang", o->language, "Language spoken: en|fr (default: the script's, else en)")
        ->check(CLI::IsMember({"en", "fr"}));
    cmd->add_option("--target", o->target, "Target length in seconds (default: the script's, else 60; a script "
                                           "with no target gets no length verdict)");
    add_format_option(cmd, o->format, {"text", "json"});
    cmd->add_flag("--log", o->log, "Store the attempt and its report");
    on_run(cmd, ctx, [&ctx, o] { run_listen(ctx, *o); });

    auto* del = pitch->add_subcommand("delete", "Delete an attempt, its report and its kept recording");
    auto id = add_id_argument(del, "Attempt ID");
    on_run(del, ctx, [&ctx, id] {
        delete_pitch_attempt(ctx.db(), *id);
        std::cout << "Deleted attempt " << *id << "\n";
    });

    auto* keep = pitch->add_subcommand("keep-recordings", "Keep the audio of logged attempts (off by default)");
    auto choice = std::make_shared<std::string>();
    keep->add_option("CHOICE", *choice, "on|off")->required()->check(CLI::IsMember({"on", "off"}));
    on_run(keep, ctx, [&ctx, choice] {
        set_keep_recordings(ctx.db(), *choice == "on");
        std::cout << "Recordings are " << (*choice == "on" ? "kept (in " + recordings_dir().string() + ")" : "not kept") << "\n";
    });
}

}  // namespace rapport::cli
