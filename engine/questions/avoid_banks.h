// Where the avoid check meets the question banks.
//
//  - Suggestions from the banks: a rule's suggestion may name a bank question
//    (question_id). link_suggestions_to_banks() makes such a suggestion show
//    that question's own words, in a form that needs no meeting details: the
//    text with {industry} said generally ("this field", "ce domaine"), or its
//    generic_text when it names the company, role or contact. The rule file's
//    text stays when the question is missing or cannot be said generally.
//  - Sheets: avoid_sheet_filter() keeps every question the checker rates
//    `avoid` off a sheet (SheetRequest::filter). `caution` never blocks.
//  - The linter: avoid_lint_pass() fails every bank question the shipped
//    rules and model do not rate `ok` (the user's own choices do not loosen
//    the banks), and, when the rules file lives in the linted folder, every
//    suggestion that is not `ok` itself or whose question_id names no
//    question of its language.
//    Rules come from the bank folder being linted, else the shipped folder.
#pragma once

#include "engine/questions/avoid.h"
#include "engine/questions/bank.h"
#include "engine/questions/bank_lint.h"
#include "engine/questions/tailor.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace rapport {

// The question's words for a suggestion (see above); nullopt when none fits.
std::optional<std::string> suggestion_text_from_bank(const Question& question);

void link_suggestions_to_banks(AvoidRuleSet& rules, const Banks& banks);

// The avoid-rules file for language: under banks_dir when it has one, else
// the shipped one.
std::filesystem::path avoid_rules_for(const std::filesystem::path& banks_dir, Language language);

QuestionFilter avoid_sheet_filter(std::shared_ptr<AvoidChecker> checker);

LintPass avoid_lint_pass(const std::filesystem::path& banks_dir);

}  // namespace rapport
