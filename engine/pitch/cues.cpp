#include "engine/pitch/cues.h"

#include "engine/base/error.h"
#include "engine/base/json_source.h"

#include <algorithm>
#include <set>

namespace rapport {
namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, kPitchComponentCount> kComponentNames = {
    "interest", "skills", "knowledge", "education", "experience", "strengths",
    "accomplishments", "goals"};

constexpr std::array<std::string_view, 7> kTopLevelFields = {
    "language", "long_sentence_words", "components", "job_requests", "introduction_requests",
    "filler_words", "suggestions"};

[[noreturn]] void fail(const JsonSource& src, const std::string& pointer, const std::string& what) {
    throw Error(src.where(pointer) + ": " + what);
}

const json& require_field(const JsonSource& src, const json& object, const std::string& pointer,
                          const std::string& key) {
    if (!object.contains(key)) fail(src, pointer, "missing field \"" + key + "\"");
    return object.at(key);
}

std::string all_component_names() {
    std::string names;
    for (auto name : kComponentNames) names += (names.empty() ? "" : ", ") + std::string(name);
    return names;
}

// A non-empty list of distinct, non-empty cue phrases.
std::vector<CuePhrase> load_cue_list(const JsonSource& src, const json& value,
                                     const std::string& pointer, WordSegmenter& segmenter) {
    if (!value.is_array()) fail(src, pointer, "expected a list of cue phrases");
    if (value.empty()) fail(src, pointer, "the list of cue phrases is empty");
    std::vector<CuePhrase> cues;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string at = pointer + "/" + std::to_string(i);
        if (!value[i].is_string()) fail(src, at, "a cue phrase must be a string");
        const std::string text = value[i].get<std::string>();
        try {
            cues.push_back(parse_cue_phrase(text, segmenter));
        } catch (const Error& e) {
            fail(src, at, e.what());
        }
        std::string key;
        for (const CueToken& t : cues.back().tokens) key += t.text + (t.prefix ? "* " : " ");
        if (!seen.insert(key).second)
            fail(src, at, "cue phrase \"" + text + "\" is listed twice (after folding case and accents)");
    }
    return cues;
}

int load_long_sentence_words(const JsonSource& src) {
    const json& value = require_field(src, src.root, "", "long_sentence_words");
    if (!value.is_number_integer() || value.get<int>() < 10 || value.get<int>() > 100)
        fail(src, "/long_sentence_words", "\"long_sentence_words\" must be a whole number from 10 to 100");
    return value.get<int>();
}

void load_components(const JsonSource& src, WordSegmenter& segmenter, PitchCues& cues) {
    const json& components = require_field(src, src.root, "", "components");
    if (!components.is_object()) fail(src, "/components", "\"components\" must be an object");
    for (const auto& [name, list] : components.items()) {
        if (!component_from_name(name))
            fail(src, "/components/" + name,
                 "unknown component \"" + name + "\" (expected: " + all_component_names() + ")");
    }
    for (PitchComponent c : kPitchComponents) {
        const std::string name(component_name(c));
        if (!components.contains(name))
            fail(src, "/components", "missing component \"" + name + "\"");
        cues.components[static_cast<std::size_t>(c)] =
            load_cue_list(src, components.at(name), "/components/" + name, segmenter);
    }
}

std::string require_sentence(const JsonSource& src, const json& object, const std::string& pointer,
                             const std::string& key) {
    const json& value = require_field(src, object, pointer, key);
    if (!value.is_string() || value.get<std::string>().find_first_not_of(" ") == std::string::npos)
        fail(src, pointer + "/" + key, "\"" + key + "\" must be a sentence");
    return value.get<std::string>();
}

// Optional: {"<component>": {"with_field": "... {field} ...", "plain": "..."}} for all eight.
void load_suggestions(const JsonSource& src, PitchCues& cues) {
    if (!src.root.contains("suggestions")) return;
    const json& all = src.root.at("suggestions");
    if (!all.is_object()) fail(src, "/suggestions", "\"suggestions\" must be an object");
    for (const auto& [name, value] : all.items()) {
        static_cast<void>(value);
        if (!component_from_name(name))
            fail(src, "/suggestions/" + name,
                 "unknown component \"" + name + "\" (expected: " + all_component_names() + ")");
    }
    for (PitchComponent c : kPitchComponents) {
        const std::string name(component_name(c)), at = "/suggestions/" + name;
        if (!all.contains(name)) fail(src, "/suggestions", "missing component \"" + name + "\"");
        const json& one = all.at(name);
        if (!one.is_object()) fail(src, at, "expected {\"with_field\": ..., \"plain\": ...}");
        ComponentSuggestion& s = cues.suggestions[static_cast<std::size_t>(c)];
        s.with_field = require_sentence(src, one, at, "with_field");
        s.plain = require_sentence(src, one, at, "plain");
        if (s.with_field.find("{field}") == std::string::npos)
            fail(src, at + "/with_field", "\"with_field\" must contain {field}");
    }
}

}  // namespace

std::string_view component_name(PitchComponent component) {
    return kComponentNames[static_cast<std::size_t>(component)];
}

std::optional<PitchComponent> component_from_name(std::string_view name) {
    const auto it = std::find(kComponentNames.begin(), kComponentNames.end(), name);
    if (it == kComponentNames.end()) return std::nullopt;
    return kPitchComponents[static_cast<std::size_t>(it - kComponentNames.begin())];
}

std::filesystem::path pitch_cues_file(const std::filesystem::path& banks_dir,
                                      std::string_view language) {
    return banks_dir / ("pitch-cues." + std::string(language) + ".json");
}

CuePhrase parse_cue_phrase(std::string_view text, WordSegmenter& segmenter) {
    CuePhrase cue;
    cue.text = std::string(text);
    for (const ScriptSentence& sentence : segmenter.segment(text).sentences) {
        for (const ScriptToken& token : sentence.tokens) {
            const bool prefix = token.end < text.size() && text[token.end] == '*';
            cue.tokens.push_back({token.folded, prefix && token.kind == ScriptToken::Kind::word});
        }
    }
    const bool has_word = std::any_of(cue.tokens.begin(), cue.tokens.end(),
                                      [](const CueToken& t) { return t.text != ","; });
    if (!has_word) throw Error("cue phrase \"" + cue.text + "\" has no word");
    return cue;
}

PitchCues load_pitch_cues(const std::filesystem::path& file) {
    const JsonSource src = load_json_source(file);
    if (!src.root.is_object()) fail(src, "", "a pitch cue file must hold a JSON object");

    for (const auto& [key, value] : src.root.items()) {
        static_cast<void>(value);
        if (std::find(kTopLevelFields.begin(), kTopLevelFields.end(), key) == kTopLevelFields.end())
            fail(src, "/" + key, "unknown field \"" + key + "\"");
    }

    PitchCues cues;
    cues.source = file;
    const json& language = require_field(src, src.root, "", "language");
    if (!language.is_string() ||
        std::find(kPitchLanguages.begin(), kPitchLanguages.end(), language.get<std::string>()) ==
            kPitchLanguages.end())
        fail(src, "/language", "\"language\" must be \"en\" or \"fr\"");
    cues.language = language.get<std::string>();
    cues.long_sentence_words = load_long_sentence_words(src);

    WordSegmenter segmenter(cues.language);
    load_components(src, segmenter, cues);
    cues.job_requests =
        load_cue_list(src, require_field(src, src.root, "", "job_requests"), "/job_requests", segmenter);
    if (src.root.contains("introduction_requests"))
        cues.introduction_requests = load_cue_list(src, src.root.at("introduction_requests"),
                                                   "/introduction_requests", segmenter);
    cues.filler_words =
        load_cue_list(src, require_field(src, src.root, "", "filler_words"), "/filler_words", segmenter);
    load_suggestions(src, cues);
    return cues;
}

}  // namespace rapport
