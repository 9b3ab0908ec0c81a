// The question-bank loader on arbitrary bytes: the JSON reader with line
// numbers (whole and streamed), then the full loader with the shipped tags,
// as a file in the user's banks folder would be read.
#include "engine/base/json_source.h"
#include "engine/base/paths.h"
#include "engine/questions/bank.h"
#include "tests/fuzz/fuzz_support.h"

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace rapport;

namespace {

const fs::path& scratch_dir() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("rapport-fuzz-banks-" + std::to_string(getpid()));
        fs::create_directories(d);
        for (const char* tags : {"tags.en.json", "tags.fr.json"})
            fs::copy_file(shipped_banks_dir() / tags, d / tags, fs::copy_options::overwrite_existing);
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    fuzz::refusing([&] { parse_json_source(text, "fuzz.json"); });
    fuzz::refusing([&] {
        stream_json_source(text, "fuzz.json", "/questions",
                           [](const nlohmann::json&, size_t, const JsonSource& src) {
                               (void)src.where("/questions/0/id");
                           });
    });
    {
        std::ofstream out(scratch_dir() / "questions.fuzz.json", std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    const BankLoad load = load_banks({scratch_dir()});
    for (const Problem& p : load.problems)
        if (p.to_string().empty()) fuzz::fail("a problem without a message");
    return 0;
}
