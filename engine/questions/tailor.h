// Tailoring: from the banks and a meeting, an ordered question sheet.
//
// Input (SheetRequest): language, industries and goals (tag ids, at least
// one of each), meeting length (default 20 minutes), optional contact name,
// company and role, ids already asked to this contact, ids the user pinned
// or excluded, and an optional filter (the avoid-question check plugs in
// there: return false to keep a question off the sheet).
//
// A sheet plans a conversation: an opener chosen for the goals, a few
// questions the contact can talk about at length, and a closing that asks
// who else to talk to. Rules, in order:
//   1. Count: about one question per 3 minutes of meeting, so the contact
//      talks and follow-ups have room: max_questions(m) = m / 3, at least 3
//      and at most 12 (15 min -> 5, 20 -> 6, 30 -> 10, 60 -> 12).
//   2. Time: the questions also fill at most minutes x 4/5 (rounded down);
//      the other fifth is left for small talk and the contact's questions.
//   3. Candidates: questions of the language that serve one of the
//      industries ("*" counts unless the question lists one of them in
//      excluded_industries) and one of the goals (or "*"), written for the
//      user's audience or for any, not excluded, not already asked, kept by
//      the filter, whose placeholders can all be filled — else whose
//      generic_text can. The audience is the request's; when it is `any`
//      and the goals include change-careers it is career-changer. A student
//      or an unstated audience never gets career-changer questions.
//   4. Pinned questions go on first, whatever their score, already asked or
//      not, even past the count and time (the user chose them;
//      excluded+pinned or an unknown pinned id is an Error).
//   5. Opener (unless a pinned one is an opener): the best-scoring opening
//      question; among equally good ones the seed decides (below), so
//      different meetings open differently — the contact's path for career
//      changers and explorers, their work for day-to-day, the workplace for
//      culture: the opening questions' goals in the banks say which.
//   6. Referral: on meetings of 15 minutes or more, the closing stage holds
//      the best question of group "referral" ("who else would you suggest I
//      talk to?"), unless the user excluded one of that group (removed it).
//      Otherwise the best closing question closes; from 10 questions on, a
//      second closing question joins.
//   7. Then, while the count allows and a candidate fits the time left, the
//      one with the best adjusted score joins the sheet (greedy).
//   Look-alikes never share a sheet: at most one question per `group`, and
//   none that is a near-repeat (text_similarity.h) of one already on it.
// Score of a candidate (bigger is better):
//     3 x number of chosen goals it serves ("*" goals count as one)
//   + 4 if it was written for one of the chosen industries (not "*")
//   + 2 if it names the company or role and that value was given
//   + 2 if it is written for the user's audience (student, career-changer)
//   + (4 - priority)                       priority 1 -> +3 ... 3 -> +1
// Adjusted score in step 7 (spreads the sheet over goals and stages):
//   + for each chosen goal it serves: 2 x (3 - questions on the sheet
//     already serving that goal), not below 0 — so several goals share the
//     sheet ("*"-goal questions neither get nor count for this)
//   + 2 - 2 x (questions already in its stage); 1 x for insights, the
//     contact's own experience, which may take more places
//   - 3 x (questions naming the company or role already on it), for one
//     that names them too: the company in every line sounds like a script
// Ties go to the candidate with the smaller hash of (seed, id); the seed is
// a hash of the whole request (language, industries, goals, minutes,
// contact, company, role, audience), so the same input always gives the
// same sheet while other inputs break ties differently. The sheet is ordered
// by stage (opening, trends, insights, advice, resources, assignments,
// closing), then by the order questions joined it, except that the referral
// question is the last of the closing.
// Placeholders are filled with the language's grammar (placeholders.h):
// {name} is the contact's first name, several industries are joined with
// "and" and agree with their verb.
// Each item carries `why`: the reasons it is there, in the sheet's language
// (pinned, opens/closes the meeting, the goals and industry it matches, the
// meeting details it names), and its score terms. With request.explain the
// sheet also lists every candidate left off and why it lost.
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
// would be printed (placeholders filled). It must judge each question on its
// own: build_sheet asks it only about the candidates that come up for a place
// (with explain, about every candidate), at most once each.
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
    Audience audience = Audience::any;  // who the user is (rule 3)
    // The user's own questions on the same sheet (the app adds them): the time
    // and the places they take come out of the budget, so the sheet still
    // fits the meeting.
    int own_minutes = 0;
    int own_questions = 0;
    QuestionFilter filter;  // optional
    bool explain = false;   // fill Sheet::passed_over
};

// One term of a score: "goals served x3" +6.
struct ScoreTerm {
    std::string label;
    int points = 0;
};

struct SheetItem {
    std::string id;
    std::string text;  // placeholders filled; never holds braces
    Stage stage = Stage::opening;
    std::string stage_label;
    int minutes = 1;
    std::vector<std::string> why;
    int score = 0;                 // the score it won with (adjusted in rule 7)
    std::vector<ScoreTerm> terms;  // what the score is made of
};

// A candidate left off the sheet, and why (request.explain).
struct PassedOver {
    std::string id;
    std::string text;
    Stage stage = Stage::opening;
    int score = 0;
    std::string reason;  // English, for the --explain report
};

struct Sheet {
    std::string lang;
    std::vector<SheetItem> items;  // in sheet order
    int total_minutes = 0;         // sum of the items' minutes
    int budget_minutes = 0;        // what the questions may fill
    int max_questions = 0;         // rule 1
    int meeting_minutes = 0;
    std::string contact, company, role;
    std::vector<std::string> industry_labels, goal_labels;
    std::map<std::string, std::string> phrases;  // the language's sheet wording (tags file)
    std::vector<PassedOver> passed_over;         // with request.explain, best score first
    int unrelated = 0;  // questions of the language for none of the industries or goals
};

inline constexpr int kMinMeetingMinutes = 5;
inline constexpr int kMaxMeetingMinutes = 240;

inline constexpr int kMinutesPerQuestion = 3;
inline constexpr int kMinQuestions = 3;
inline constexpr int kMaxQuestions = 12;
inline constexpr int kReferralFromMinutes = 15;
inline constexpr int kSecondClosingFromQuestions = 10;

int question_budget(int meeting_minutes);  // minutes × 4/5
int max_questions(int meeting_minutes);    // rule 1

Sheet build_sheet(const Banks& banks, const SheetRequest& request);

}  // namespace rapport
