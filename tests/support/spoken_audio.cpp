#include "tests/support/spoken_audio.h"

#include "tests/support/test_support.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include <unistd.h>

namespace rapport::test {
namespace {

// The tool's full path, found on PATH (run_command() does not search).
std::string tool(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
        if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
        start = end + 1;
    }
    return name;
}

void run_tool(const std::string& program, const std::vector<std::string>& args) {
    const CommandResult r = run_command(tool(program), args);
    if (r.exit_code != 0) throw std::runtime_error(program + " failed: " + r.err);
}

double duration_of(const fs::path& wav) {
    const CommandResult r = run_command(tool("soxi"), {"-D", wav.string()});
    if (r.exit_code != 0) throw std::runtime_error("soxi failed on " + wav.string() + ": " + r.err);
    return std::stod(r.out);
}

fs::path silence(const fs::path& folder, double seconds, int rate = 16000) {
    const fs::path file = folder / ("silence-" + std::to_string(static_cast<int>(seconds * 1000)) + "-" +
                                    std::to_string(rate) + ".wav");
    if (!fs::exists(file))
        run_tool("sox", {"-n", "-r", std::to_string(rate), "-c", "1", "-b", "16", file.string(), "trim", "0",
                         std::to_string(seconds)});
    return file;
}

// One utterance, spoken, resampled to 16 kHz and trimmed of silence at both ends.
fs::path spoken(const fs::path& folder, const std::string& id, const std::string& text, const TakePlan& plan) {
    const fs::path raw = folder / (id + "-raw.wav"), trimmed = folder / (id + ".wav");
    run_tool("espeak-ng", {"-v", plan.voice, "-s", std::to_string(plan.speed), "-w", raw.string(), text});
    run_tool("sox", {raw.string(), "-r", "16000", "-b", "16", trimmed.string(), "silence", "1", "0.01", "0.5%",
                     "reverse", "silence", "1", "0.01", "0.5%", "reverse"});
    return trimmed;
}

}  // namespace

bool speech_tools_available() {
    return run_command(tool("espeak-ng"), {"--version"}).exit_code == 0 &&
           run_command(tool("sox"), {"--version"}).exit_code == 0;
}

Take make_take(const fs::path& folder, const std::string& name, const TakePlan& plan) {
    const fs::path parts_dir = folder / (name + "-parts");
    fs::create_directories(parts_dir);
    Take take;
    std::vector<std::string> parts{silence(parts_dir, plan.lead).string()};
    double t = plan.lead;
    take.speech_start = plan.lead;
    bool first = true;
    for (std::size_t i = 0; i < plan.sentences.size(); ++i) {
        if (std::count(plan.left_out.begin(), plan.left_out.end(), i)) continue;
        if (!first) {
            const auto pause = plan.pause_after.find(i - 1);
            const double gap = pause != plan.pause_after.end() ? pause->second : plan.gap;
            if (pause != plan.pause_after.end()) take.pauses.push_back({t, t + gap});
            parts.push_back(silence(parts_dir, gap).string());
            t += gap;
        }
        first = false;
        if (const auto filler = plan.filler_before.find(i); filler != plan.filler_before.end()) {
            const fs::path f = spoken(parts_dir, name + "-filler" + std::to_string(i), filler->second, plan);
            take.fillers.emplace_back(filler->second, t);
            parts.push_back(f.string());
            t += duration_of(f);
            parts.push_back(silence(parts_dir, plan.gap).string());
            t += plan.gap;
        }
        const fs::path s = spoken(parts_dir, name + "-s" + std::to_string(i), plan.sentences[i], plan);
        parts.push_back(s.string());
        t += duration_of(s);
    }
    take.speech_end = t;
    parts.push_back(silence(parts_dir, plan.tail).string());

    const fs::path clean = parts_dir / "clean.wav";
    std::vector<std::string> join = parts;
    join.push_back(clean.string());
    run_tool("sox", join);
    take.file = folder / (name + ".wav");
    if (plan.noise) {
        const fs::path noise = parts_dir / "noise.wav";
        // White noise peaking at -30 dBFS (about -35 dBFS RMS), steady all along.
        run_tool("sox", {"-R", "-n", "-r", "16000", "-c", "1", "-b", "16", noise.string(), "synth",
                         std::to_string(duration_of(clean)), "whitenoise", "vol", "0.0316"});
        run_tool("sox", {"-m", clean.string(), noise.string(), take.file.string()});
    } else {
        fs::copy_file(clean, take.file, fs::copy_options::overwrite_existing);
    }
    fs::remove_all(parts_dir);
    return take;
}

fs::path join_recordings(const fs::path& folder, const std::string& name, const std::vector<TakePiece>& pieces,
                         int rate) {
    std::vector<std::string> args;
    for (const TakePiece& piece : pieces)
        args.push_back(piece.file.empty() ? silence(folder, piece.silence, rate).string() : piece.file.string());
    const fs::path out = folder / (name + ".wav");
    args.push_back(out.string());
    run_tool("sox", args);
    return out;
}

const std::vector<std::string>& sample_sentences() {
    static const std::vector<std::string> sentences = {
        "I studied chemistry and spent four years in a water treatment lab.",
        "Last spring I started teaching myself data analysis in the evenings.",
        "Now I want to understand how public utilities use their data.",
        "Your team at Quellbrook Water does exactly that work.",
        "Could I ask you about the path that led you there?",
        "Twenty minutes of your time would help me a great deal."};
    return sentences;
}

std::string sample_script() {
    std::string script;
    for (const auto& s : sample_sentences()) {
        if (!script.empty()) script += ' ';
        script += s;
    }
    return script;
}

}  // namespace rapport::test
