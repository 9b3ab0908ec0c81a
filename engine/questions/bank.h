// Question banks: the questions and tags Rapport builds sheets from.
//
// Banks are JSON data files in one or more folders (the shipped
// question-banks/ first, then the user's $XDG_DATA_HOME/rapport/banks/).
// Files are recognised by name, so other data can share the folders:
//   questions*.json  {"lang":"en","questions":[{"id","text","stage","industries",
//                     "goals","minutes","priority", optional "generic_text", "group",
//                     "audience", "excluded_industries"}]}
//   tags*.json       {"lang":"en","industries":[{"id","label", optional "phrase",
//                     "keywords"}], "goals":[{"id","label"}], optional
//                     "stages":[{"id","label"}], "phrases":{key: text},
//                     "grammar":{…} (see placeholders.h)}
// Rules every question file must follow (the linter reports each break):
//   - ids are unique across all files and languages ([a-z0-9-]+);
//   - stage is one of opening, trends, insights, advice, resources,
//     assignments, closing (the order of a sheet);
//   - industries and goals are non-empty lists of tag ids known for the
//     file's language, or "*" for "any";
//   - text (and generic_text, the wording used when a placeholder has no
//     value) is non-empty and only uses {industry} {company} {role} {name};
//   - minutes is an integer in 1..15, priority an integer in 1..3 (1 = ask first);
//   - group (optional, [a-z0-9-]+) names a set of look-alikes: a sheet takes
//     at most one question of a group; the group "referral" is the
//     "who else should I talk to?" question that closes every sheet of 15
//     minutes or more;
//   - audience (optional) is any (the default), career-changer or student:
//     who the question is written for;
//   - excluded_industries (optional) lists industries the question does not
//     fit even when it is written for any industry.
// Loading never stops at the first bad file: a file with any problem is
// reported and skipped, every other file still loads. Tag files load before
// question files; within a kind, folders in the given order, files by name.
#pragma once

#include "engine/base/placeholders.h"
#include "engine/base/problem.h"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class Stage { opening, trends, insights, advice, resources, assignments, closing };

inline constexpr std::array<Stage, 7> kStages = {Stage::opening,   Stage::trends,
                                                 Stage::insights,  Stage::advice,
                                                 Stage::resources, Stage::assignments,
                                                 Stage::closing};

std::string_view stage_id(Stage stage);
std::optional<Stage> parse_stage(std::string_view id);

// The tag meaning "every industry" or "every goal".
inline constexpr std::string_view kAnyTag = "*";

// The group of the referral question ("who else would you suggest I talk to?").
inline constexpr std::string_view kReferralGroup = "referral";

// Who a question is written for, and who the user is.
enum class Audience { any, career_changer, student };
std::string_view audience_id(Audience audience);  // "any", "career-changer", "student"
std::optional<Audience> parse_audience(std::string_view id);

struct Question {
    std::string id;
    std::string lang;
    std::string text;          // may hold {industry} {company} {role} {name}
    std::string generic_text;  // optional fallback when a placeholder has no value
    Stage stage = Stage::opening;
    std::vector<std::string> industries;  // tag ids, or {"*"}
    std::vector<std::string> goals;       // tag ids, or {"*"}
    int minutes = 1;
    int priority = 1;
    std::string group;                             // "" when it has no look-alikes
    Audience audience = Audience::any;
    std::vector<std::string> excluded_industries;  // tag ids it does not fit
    std::string where;  // "file:line" of the question, for later checks

    bool for_every_industry() const;
    // Listed, or "*" and not excluded.
    bool serves_industry(std::string_view industry) const;
    bool excludes_industry(std::string_view industry) const;
    bool serves_goal(std::string_view goal) const;          // listed, or "*"
};

struct Tag {
    std::string id;
    std::string label;   // shown in lists: "Healthcare"
    std::string phrase;  // put into sentences for {industry}: "healthcare"
    std::vector<std::string> keywords;  // other words people search it by: "hospital", "nursing"
};

// The tags whose label, id or keywords match what the user typed (accents,
// case and curly quotes ignored): those whose label starts with it first,
// then the others, each in file order. An empty query gives every tag.
std::vector<const Tag*> search_tags(const std::vector<Tag>& tags, std::string_view query);

// The tags and wording of one language.
struct TagSet {
    std::string lang;
    std::vector<Tag> industries;
    std::vector<Tag> goals;
    std::map<std::string, std::string> stage_labels;  // stage id -> label
    std::map<std::string, std::string> phrases;       // sheet wording, see sheet_export.h
    Grammar grammar;                                  // for placeholders, see placeholders.h

    const Tag* find_industry(std::string_view id) const;
    const Tag* find_goal(std::string_view id) const;
    // Throws rapport::Error "unknown industry 'x'; valid industries: a, b, …".
    const Tag& require_industry(std::string_view id) const;
    const Tag& require_goal(std::string_view id) const;
    std::string stage_label(Stage stage) const;  // falls back to the stage id
    // The phrase for key, else fallback.
    std::string phrase(const std::string& key, std::string_view fallback) const;
};

struct Banks {
    std::vector<Question> questions;      // in load order
    std::map<std::string, TagSet> tags;   // by language

    std::vector<std::string> languages() const;
    // Throws rapport::Error listing the languages that have tags.
    const TagSet& require_tags(std::string_view lang) const;
    const Question* find(std::string_view id) const;
};

struct BankLoad {
    Banks banks;
    std::vector<Problem> problems;  // each names the file; that file was skipped
};

// The folders a normal run reads: the shipped (or --banks) folder, then the
// user's own banks folder.
std::vector<std::filesystem::path> bank_dirs(const std::filesystem::path& main_dir);

// The data files of one kind in dirs, in load order. A folder that does not
// exist is skipped. prefix is "questions", "tags", "preparation", …
std::vector<std::filesystem::path> data_files(const std::vector<std::filesystem::path>& dirs,
                                              std::string_view prefix);

BankLoad load_banks(const std::vector<std::filesystem::path>& dirs);
// Only the tags files (labels, phrases, grammar): for screens that show tag
// labels and need no questions, without reading a big question bank.
BankLoad load_tags(const std::vector<std::filesystem::path>& dirs);

}  // namespace rapport
