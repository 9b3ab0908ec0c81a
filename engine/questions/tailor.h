// Tailoring: from the banks and a meeting, an ordered question sheet.
//
// Input (SheetRequest): language, industries and goals (tag ids, at least
// one of each), meeting length (default 20 minutes), optional contact name,
// company and role, ids already asked to this contact, ids the user pinned
// or excluded, and an optional filter (the avoid-question check plugs in
// there: return false to keep a question off the sheet).
//
// Rules, in order:
//   1. Budget: the questions fill at most minutes × 4/5 (rounded down); the
//      other fifth is left for small talk and the contact's own questions.
//   2. Candidates: questions of the language that serve one of the
//      industries (or "*") and one of the goals (or "*"), not excluded, not
//      already asked, kept by the filter, whose placeholders can all be
//      filled — else whose generic_text can — and that are not a near-repeat
//      (text_similarity.h) of a question already on the sheet.
//   3. Pinned questions go on first, whatever their score, already asked or
//      not, even past the budget (the user chose them; excluded+pinned or an
//      unknown pinned id is an Error).
//   4. One opening and one closing question (unless pinned ones fill those
//      stages): the best-scoring candidate of that stage that fits.
//   5. Then, while a candidate fits the time left, the one with the best
//      adjusted score joins the sheet (greedy).
// Score of a candidate (bigger is better):
//     3 × number of chosen goals it serves ("*" goals count as one)
//   + 4 if it was written for one of the chosen industries (not "*")
//   + 2 if it names the company, role or contact and that value was given
//   + (4 − priority)                       priority 1 → +3 … 3 → +1
// Adjusted score in step 5 (spreads the sheet over goals and stages):
//   + 3 × chosen goals it serves that no question on the sheet covers yet
//   + 2 − 2 × (questions already in its stage)
// Ties go to the shorter question, then to the smaller id, so the same input
// always gives the same sheet. The sheet is ordered by stage (opening,
// trends, insights, advice, resources, assignments, closing), then by the
// order questions joined it.
// Each item carries `why`: the reasons it is there, in the sheet's language
// (pinned, opens/closes the meeting, the goals and industry it matches, the
// meeting details it names).
// Errors (rapport::Error): unknown language, industry, goal or pinned id
// (with the valid values), no industry or goal, minutes outside 5..240.
#pragma once

#include "engine/records/meeting_length.h"

#include "engine/questions/bank.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace rapport {

// Returns false to keep the question off the sheet; gets the text as it
// would be printed (placeholders filled).
using QuestionFilter = std::function<bool(const Question& question, const std::string& text)>;

struct SheetRequest {
    std::string lang = "en";
    std::vector<std::string> industries;
    std::vector<std::string> goals;
    int minutes = 20;
    std::string contact;  // fills {name}
    std::string company;  // fills {company}
    std::string role;     // fills {role}
    std::set<std::string> already_asked;
    std::set<std::string> pinned;
    std::set<std::string> excluded;
    QuestionFilter filter;  // optional
};

struct SheetItem {
    std::string id;
    std::string text;  // placeholders filled; never holds braces
    Stage stage = Stage::opening;
    std::string stage_label;
    int minutes = 1;
    std::vector<std::string> why;
};

struct Sheet {
    std::string lang;
    std::vector<SheetItem> items;  // in sheet order
    int total_minutes = 0;         // sum of the items' minutes
    int budget_minutes = 0;        // what the questions may fill
    int meeting_minutes = 0;
    std::string contact, company, role;
    std::vector<std::string> industry_labels, goal_labels;
    std::map<std::string, std::string> phrases;  // the language's sheet wording (tags file)
};

inline constexpr int kMinMeetingMinutes = 5;
inline constexpr int kMaxMeetingMinutes = 240;

int question_budget(int meeting_minutes);  // minutes × 4/5

Sheet build_sheet(const Banks& banks, const SheetRequest& request);

}  // namespace rapport
