// Benchmark: where one `rapport-cli sheet` run spends its time on a big bank.
//
//   bank_load_phases BANKS_DIR [RUNS]
// Times, in one process and in the order a run does them: loading the banks
// of BANKS_DIR (the shipped tags and questions plus, e.g., the generated
// questions.bench.en.json of bench/bank_load.sh), loading the avoid rules,
// building the sheet with the avoid filter (the first check reads the
// learned model), and freeing the banks. Median wall and CPU over RUNS runs.
#include "engine/base/text.h"
#include "engine/questions/avoid_banks.h"
#include "engine/questions/bank.h"
#include "engine/questions/tailor.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sys/resource.h>

using namespace rapport;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

struct Phase {
    const char* name;
    std::vector<double> wall, cpu, faults;
};

// Minor page faults so far: each new page of memory the process touches
// costs one, a good part of the CPU time of a big load.
double page_faults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_minflt);
}

template <class Fn>
void timed(Phase& phase, Fn fn) {
    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    const double faults_start = page_faults();
    fn();
    phase.faults.push_back(page_faults() - faults_start);
    phase.cpu.push_back(1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    phase.wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

SheetRequest typical_request() {
    SheetRequest r;
    r.industries = {"technology"};
    r.goals = {"change-careers"};
    r.minutes = 30;
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bank_load_phases BANKS_DIR [RUNS]\n");
        return 2;
    }
    const fs::path dir = argv[1];
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    std::vector<Phase> phases = {{"load banks", {}, {}, {}},
                                 {"load avoid rules", {}, {}, {}},
                                 {"sheet + avoid check", {}, {}, {}},
                                 {"free the banks", {}, {}, {}}};
    std::size_t questions = 0, items = 0;
    for (int run = 0; run < runs; ++run) {
        std::optional<BankLoad> load;
        timed(phases[0], [&] { load = load_banks({dir}); });
        if (!load->problems.empty()) {
            std::fprintf(stderr, "%s\n", load->problems.front().to_string().c_str());
            return 1;
        }
        questions = load->banks.questions.size();
        SheetRequest request = typical_request();
        timed(phases[1], [&] {
            request.filter = avoid_sheet_filter(std::make_shared<AvoidChecker>(
                AvoidRuleSet::load(avoid_rules_for(dir, Language::english), Language::english)));
        });
        timed(phases[2], [&] { items = build_sheet(load->banks, request).items.size(); });
        timed(phases[3], [&] { load.reset(); });
    }
    std::printf("%zu questions, sheet of %zu, median of %d runs\n", questions, items, runs);
    std::printf("%-22s %10s %10s %12s\n", "phase", "wall ms", "CPU ms", "page faults");
    for (const Phase& p : phases)
        std::printf("%-22s %10.1f %10.1f %12.0f\n", p.name, median(p.wall), median(p.cpu),
                    median(p.faults));
    return 0;
}
