// Benchmark: loading question banks and building a sheet.
//
//   bench_sheet [SHIPPED_BANKS_DIR]
// 1. The shipped banks: load + one sheet, as one CLI run does (target < 20 ms).
// 2. Synthetic banks of 1k, 10k and 100k questions written to a temp folder:
//    load time (target < 1 s at 100k) and sheet time (target < 50 ms at 100k),
//    to show how the cost grows with the bank's size.
#include "engine/questions/bank.h"
#include "engine/base/paths.h"
#include "engine/questions/tailor.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace rapport;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// Median wall time and median CPU time of this process, in milliseconds. The
// CPU figure is the steadier one on a machine shared with other work.
struct Timing {
    double wall_ms;
    double cpu_ms;
};

template <class Fn>
Timing median_ms(int runs, Fn fn) {
    std::vector<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        std::clock_t cpu_start = std::clock();
        fn();
        cpu.push_back(1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
        wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

const std::vector<std::string> kIndustries = {
    "technology", "healthcare", "finance", "education", "government", "nonprofit", "law",
    "engineering", "creative-media", "retail", "manufacturing", "energy", "research-academia",
    "hospitality"};
const std::vector<std::string> kGoals = {
    "explore-field", "change-careers", "day-to-day", "company-culture", "training",
    "job-search", "grow-network", "resume-feedback", "industry-trends", "career-path"};
const std::vector<std::string> kStageIds = {"opening",   "trends",      "insights", "advice",
                                            "resources", "assignments", "closing"};

// Varied made-up wording so that near-repeat checks behave as on real text.
std::string synthetic_text(std::mt19937& rng) {
    static const std::vector<std::string> words = {
        "which", "skills", "teams", "projects", "clients", "changes", "tools", "habits",
        "mentors", "events", "training", "budgets", "deadlines", "reports", "methods",
        "partners", "quality", "growth", "learning", "careers", "reviews", "markets",
        "systems", "patients", "students", "designs", "contracts", "sites", "policies",
        "research", "guests", "products", "services", "data", "safety", "funding"};
    std::uniform_int_distribution<size_t> pick(0, words.size() - 1);
    std::string text = "How do";
    for (int i = 0; i < 9; ++i) text += " " + words[pick(rng)];
    return text + " shape work in {industry}?";
}

void write_synthetic_bank(const fs::path& dir, size_t count) {
    fs::create_directories(dir);
    fs::copy_file(shipped_banks_dir() / "tags.en.json", dir / "tags.en.json",
                  fs::copy_options::overwrite_existing);
    std::mt19937 rng(42);
    std::ofstream out(dir / "questions.synthetic.json");
    out << "{\n  \"lang\": \"en\",\n  \"questions\": [\n";
    for (size_t i = 0; i < count; ++i) {
        const std::string& stage = kStageIds[i % kStageIds.size()];
        const std::string industry = (i % 3 == 0) ? "*" : kIndustries[rng() % kIndustries.size()];
        out << "    {\"id\": \"q" << i << "\", \"text\": \"" << synthetic_text(rng)
            << "\", \"stage\": \"" << stage << "\", \"industries\": [\"" << industry
            << "\"], \"goals\": [\"" << kGoals[rng() % kGoals.size()] << "\", \""
            << kGoals[rng() % kGoals.size()] << "\"], \"minutes\": " << 1 + rng() % 4
            << ", \"priority\": " << 1 + rng() % 3 << "}" << (i + 1 < count ? ",\n" : "\n");
    }
    out << "  ]\n}\n";
}

SheetRequest typical_request() {
    SheetRequest r;
    r.industries = {"technology"};
    r.goals = {"change-careers", "training"};
    r.minutes = 30;
    r.company = "Northwind";
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path shipped = argc > 1 ? fs::path(argv[1]) : shipped_banks_dir();

    size_t shipped_questions = 0;
    Timing load_and_sheet = median_ms(21, [&] {
        BankLoad load = load_banks({shipped});
        shipped_questions = load.banks.questions.size();
        build_sheet(load.banks, typical_request());
    });
    BankLoad shipped_load = load_banks({shipped});
    Timing sheet_only = median_ms(51, [&] { build_sheet(shipped_load.banks, typical_request()); });
    std::printf("shipped banks (%zu questions), target < 20 ms:\n"
                "  load + sheet  %.2f ms wall, %.2f ms CPU\n"
                "  sheet alone   %.3f ms wall, %.3f ms CPU\n",
                shipped_questions, load_and_sheet.wall_ms, load_and_sheet.cpu_ms,
                sheet_only.wall_ms, sheet_only.cpu_ms);

    char pattern[] = "/tmp/rapport-bench-XXXXXX";
    if (!mkdtemp(pattern)) return 1;
    const fs::path root = pattern;
    std::printf("\n%10s %8s %14s %14s %12s %14s %14s\n", "questions", "MB", "load wall ms",
                "load CPU ms", "CPU us/q", "sheet wall ms", "sheet CPU ms");
    for (size_t count : {1000, 10000, 100000}) {
        const fs::path dir = root / std::to_string(count);
        write_synthetic_bank(dir, count);
        const double mb = static_cast<double>(fs::file_size(dir / "questions.synthetic.json")) / 1e6;
        std::optional<BankLoad> load;
        Timing load_time = median_ms(count >= 100000 ? 3 : 7, [&] {
            load.reset();  // not part of the next measure
            load = load_banks({dir});
        });
        if (!load->problems.empty()) {
            std::fprintf(stderr, "synthetic bank has problems: %s\n",
                         load->problems.front().to_string().c_str());
            return 1;
        }
        Timing sheet_time = median_ms(11, [&] { build_sheet(load->banks, typical_request()); });
        std::printf("%10zu %8.2f %14.1f %14.1f %12.2f %14.2f %14.2f\n", count, mb,
                    load_time.wall_ms, load_time.cpu_ms,
                    1000.0 * load_time.cpu_ms / static_cast<double>(count), sheet_time.wall_ms,
                    sheet_time.cpu_ms);
    }
    std::printf("targets at 100k: load < 1000 ms, sheet < 50 ms\n");
    fs::remove_all(root);
    return 0;
}
