#include "engine/questions/preparation.h"

#include "engine/questions/bank.h"
#include "engine/base/json_fields.h"

#include <set>

namespace rapport {

namespace {

bool read_preparation_file(const JsonSource& src, const std::set<std::string>& known_ids,
                           std::string& lang, std::vector<PreparationItem>& items,
                           std::vector<Problem>& problems) {
    FieldReader r(src, problems);
    if (!r.object(src.root, "", "a preparation checklist")) return false;
    lang = r.text(src.root, "", "lang");
    const auto* list = r.array(src.root, "", "items");
    if (!list) return false;
    std::set<std::string> seen = known_ids;
    for (size_t i = 0; i < list->size(); ++i) {
        const std::string p = "/items/" + std::to_string(i);
        const auto* item = r.object((*list)[i], p, "each item");
        if (!item) continue;
        PreparationItem entry{r.text(*item, p, "id"), r.text(*item, p, "text"),
                              r.text(*item, p, "detail", false)};
        if (!entry.id.empty() && !seen.insert(entry.id).second)
            r.report(p + "/id", "duplicate preparation item id '" + entry.id + "'");
        items.push_back(std::move(entry));
    }
    return r.clean();
}

}  // namespace

PreparationLoad load_preparation(const std::vector<std::filesystem::path>& dirs) {
    PreparationLoad load;
    for (const auto& file : data_files(dirs, "preparation")) {
        auto src = parse_or_report(file, load.problems);
        if (!src) continue;
        // Ids must be unique per language; the language is only known once
        // the file is read, so check against every language's ids first.
        std::set<std::string> known;
        if (src->root.is_object() && src->root.contains("lang") && src->root["lang"].is_string())
            for (const auto& item : load.items[src->root["lang"].get<std::string>()])
                known.insert(item.id);
        std::string lang;
        std::vector<PreparationItem> items;
        if (!read_preparation_file(*src, known, lang, items, load.problems)) continue;
        auto& target = load.items[lang];
        target.insert(target.end(), items.begin(), items.end());
    }
    // A language only mentioned by a broken file has no checklist.
    std::erase_if(load.items, [](const auto& entry) { return entry.second.empty(); });
    return load;
}

std::vector<PreparationItem> preparation_checklist(const std::vector<std::filesystem::path>& dirs,
                                                   std::string_view lang) {
    auto load = load_preparation(dirs);
    auto it = load.items.find(std::string(lang));
    return it == load.items.end() ? std::vector<PreparationItem>{} : it->second;
}

}  // namespace rapport
