// The engine's folders show the product's parts, and the arrows between them
// run one way. This test reads the sources and fails on an include that
// breaks the architecture described in README.md ("Architecture").
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>

namespace {

namespace fs = std::filesystem;

// Which engine domains each domain may include (besides itself).
const std::map<std::string, std::set<std::string>>& allowed_domains() {
    static const std::map<std::string, std::set<std::string>> allowed = {
        {"base", {}},
        {"language", {"base"}},
        {"audio", {"base"}},
        {"records", {"base"}},
        {"questions", {"base", "records", "language"}},
        {"pitch", {"base", "records", "language", "audio"}},
        {"followups", {"base", "records", "pitch"}},
    };
    return allowed;
}

struct Include {
    fs::path file;
    int line;
    std::string target;
};

std::vector<Include> quoted_includes(const fs::path& file) {
    std::vector<Include> found;
    std::ifstream in(file);
    std::string text;
    for (int line = 1; std::getline(in, text); ++line) {
        const auto at = text.find("#include \"");
        if (at == std::string::npos) continue;
        const auto start = at + 10;
        const auto end = text.find('"', start);
        if (end != std::string::npos) found.push_back({file, line, text.substr(start, end - start)});
    }
    return found;
}

std::string where(const Include& inc) {
    return inc.file.string() + ":" + std::to_string(inc.line) + ": " + inc.target;
}

}  // namespace

TEST_CASE("engine sources include no front end and respect the domain arrows") {
    const fs::path engine = rapport::test::source_dir() / "engine";
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(engine)) {
        const auto ext = entry.path().extension();
        if (ext != ".h" && ext != ".cpp") continue;
        ++files;
        const std::string domain = entry.path().parent_path().filename().string();
        INFO(entry.path().string());
        REQUIRE_MESSAGE(allowed_domains().count(domain) == 1,
                        "engine sources live in a domain folder listed in this test");
        for (const Include& inc : quoted_includes(entry.path())) {
            INFO(where(inc));
            CHECK(inc.target.rfind("gui/", 0) != 0);
            CHECK(inc.target.rfind("cli/", 0) != 0);
            CHECK(inc.target.find("imgui") == std::string::npos);
            if (inc.target.rfind("engine/", 0) != 0) continue;
            const auto slash = inc.target.find('/', 7);
            REQUIRE(slash != std::string::npos);
            const std::string target_domain = inc.target.substr(7, slash - 7);
            const bool ok = target_domain == domain || allowed_domains().at(domain).count(target_domain);
            CHECK_MESSAGE(ok, domain << " may not include " << target_domain);
        }
    }
    CHECK(files > 40);
}
