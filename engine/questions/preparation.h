// The pre-meeting preparation checklist (research the person and company,
// let them choose time and place, confirm the length, bring résumé copies…).
//
// Data files preparation*.json in the bank folders:
//   {"lang":"en","items":[{"id":"research-person","text":"…", optional "detail":"…"}]}
// Items keep file order; files load in bank_dirs() order. Ids are unique
// per language ([a-z0-9-]+). A file with any problem is reported and skipped.
#pragma once

#include "engine/base/problem.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct PreparationItem {
    std::string id;
    std::string text;    // the thing to do, short
    std::string detail;  // optional: why or how
};

struct PreparationLoad {
    std::map<std::string, std::vector<PreparationItem>> items;  // by language
    std::vector<Problem> problems;
};

PreparationLoad load_preparation(const std::vector<std::filesystem::path>& dirs);

// The checklist for one language (empty when there is none).
std::vector<PreparationItem> preparation_checklist(const std::vector<std::filesystem::path>& dirs,
                                                   std::string_view lang);

}  // namespace rapport
