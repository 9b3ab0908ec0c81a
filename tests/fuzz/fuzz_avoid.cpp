// The avoid check on arbitrary questions, with the shipped rules of both
// languages.
#include "engine/base/paths.h"
#include "engine/base/text.h"
#include "engine/questions/avoid.h"
#include "tests/fuzz/fuzz_support.h"

#include <memory>

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static AvoidChecker english(
        AvoidRuleSet::load(avoid_rules_path(shipped_banks_dir(), Language::english), Language::english));
    static AvoidChecker french(
        AvoidRuleSet::load(avoid_rules_path(shipped_banks_dir(), Language::french), Language::french));
    const std::string_view text = fuzz::as_text(data, size);
    fuzz::refusing([&] { english.check(text); });
    fuzz::refusing([&] { french.check(text); });
    return 0;
}
