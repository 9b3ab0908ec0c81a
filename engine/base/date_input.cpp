#include "engine/base/date_input.h"

#include "engine/base/error.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

namespace rapport {
namespace {

// What the words of the text said, before it becomes one date and time.
struct Reading {
    std::optional<int> year, month, day;
    std::optional<int> days_from_today;  // today, tomorrow, demain…
    std::optional<int> weekday;          // 0 = Sunday, as in std::tm
    std::optional<int> hour, minute;
    bool slashed_ambiguous = false;      // 05/11/2026 in English
};

// Month (1–12) and weekday (0–6) names of both languages, wide and short,
// lower case without accents or trailing dots: "novembre", "nov", "lun".
struct CalendarNames {
    std::map<std::string, int> months, weekdays;
};

void add_names(std::map<std::string, int>& into, const icu::UnicodeString* names, int32_t count,
               int first_value, int first_index) {
    for (int32_t i = first_index; i < count; ++i) {
        std::string utf8;
        names[i].toUTF8String(utf8);
        std::string name = normalize_for_matching(utf8);
        while (!name.empty() && name.back() == '.') name.pop_back();
        if (!name.empty()) into.emplace(name, first_value + (i - first_index));
    }
}

const CalendarNames& calendar_names() {
    static const CalendarNames names = [] {
        CalendarNames n;
        for (const char* locale : {"en", "fr"}) {
            UErrorCode status = U_ZERO_ERROR;
            icu::DateFormatSymbols symbols(icu::Locale(locale), status);
            if (U_FAILURE(status)) continue;
            for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
                int32_t count = 0;
                const auto* months =
                    symbols.getMonths(count, icu::DateFormatSymbols::FORMAT, width);
                add_names(n.months, months, count, 1, 0);
                const auto* days =
                    symbols.getWeekdays(count, icu::DateFormatSymbols::FORMAT, width);
                add_names(n.weekdays, days, count, 0, 1);  // ICU's index 0 is unused
            }
        }
        // Short forms people type that ICU spells otherwise.
        for (auto [name, month] : std::initializer_list<std::pair<const char*, int>>{
                 {"sept", 9}, {"fevr", 2}, {"juil", 7}, {"janv", 1}, {"avr", 4}})
            n.months.emplace(name, month);
        return n;
    }();
    return names;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

int number(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::vector<std::string> split_numbers(std::string_view s, char separator) {
    std::vector<std::string> parts;
    std::string part;
    for (char c : s) {
        if (c == separator) {
            parts.push_back(part);
            part.clear();
        } else {
            part += c;
        }
    }
    parts.push_back(part);
    return parts;
}

int full_year(int year) { return year < 100 ? 2000 + year : year; }

// 2026-11-30, 30/11/2026, 30.11.26, 30/11 (no year).
bool read_numeric_date(std::string_view token, Language language, Reading& r) {
    for (char separator : {'-', '/', '.'}) {
        const auto parts = split_numbers(token, separator);
        if (parts.size() < 2 || parts.size() > 3) continue;
        bool numeric = true;
        for (const auto& p : parts) numeric = numeric && all_digits(p) && p.size() <= 4;
        if (!numeric) continue;
        if (parts[0].size() == 4) {  // year first: 2026-11-30
            if (parts.size() != 3) return false;
            r.year = number(parts[0]);
            r.month = number(parts[1]);
            r.day = number(parts[2]);
            return true;
        }
        if (separator == '-') return false;
        int first = number(parts[0]), second = number(parts[1]);
        if (parts.size() == 3) r.year = full_year(number(parts[2]));
        // French writes the day first. English: the day first too when it is
        // the only reading, the month first when only that works (11/30),
        // and nothing is guessed when both could be meant.
        const bool month_first =
            language == Language::english && first <= 12 && second > 12;
        if (language == Language::english && first <= 12 && second <= 12 && first != second)
            r.slashed_ambiguous = true;
        r.day = month_first ? second : first;
        r.month = month_first ? first : second;
        return true;
    }
    return false;
}

// 10:00, 10h00, 10h, 9h30, 10am, 2:30pm, 14:15:00.
bool read_time(std::string_view token, Reading& r) {
    std::string t(token);
    int shift = -1;  // -1: 24-hour clock; 0 am; 12 pm
    for (auto [suffix, value] : {std::pair{"am", 0}, std::pair{"pm", 12}}) {
        if (t.size() > 2 && t.ends_with(suffix)) {
            t.resize(t.size() - 2);
            shift = value;
        }
    }
    std::string_view hours = t, minutes;  // no minutes written: on the hour
    if (const auto colon = t.find_first_of(":h"); colon != std::string::npos) {
        hours = std::string_view(t).substr(0, colon);
        minutes = std::string_view(t).substr(colon + 1);
        if (minutes.size() > 2 && minutes[2] == ':') minutes = minutes.substr(0, 2);  // seconds dropped
    } else if (shift < 0) {
        return false;  // a bare number is not a time
    }
    if (!all_digits(hours) || hours.size() > 2 || minutes.size() > 2 ||
        (!minutes.empty() && !all_digits(minutes)))
        return false;
    int h = number(hours);
    const int m = minutes.empty() ? 0 : number(minutes);
    if (shift >= 0) {
        if (h < 1 || h > 12) return false;
        h = h % 12 + shift;
    }
    r.hour = h;
    r.minute = m;
    return true;
}

// "30th", "1st", "1er" -> the day number.
std::optional<int> day_number(std::string_view token) {
    for (std::string_view suffix : {"st", "nd", "rd", "th", "er"}) {
        if (token.size() > suffix.size() && token.ends_with(suffix)) {
            token.remove_suffix(suffix.size());
            break;
        }
    }
    if (!all_digits(token) || token.size() > 2) return std::nullopt;
    return number(token);
}

// Phrases of several words become one token before reading word by word.
std::string join_phrases(std::string text) {
    const std::pair<const char*, const char*> phrases[] = {
        {"the day after tomorrow", "+2"}, {"day after tomorrow", "+2"},
        {"apres-demain", "+2"},           {"apres demain", "+2"},
        {"aujourd'hui", "+0"},            {"aujourd hui", "+0"},
        {"today", "+0"},                  {"tomorrow", "+1"},
        {"demain", "+1"},
    };
    for (auto [phrase, token] : phrases) {
        for (auto at = text.find(phrase); at != std::string::npos; at = text.find(phrase)) {
            text.replace(at, std::string(phrase).size(), std::string(" ") + token + " ");
        }
    }
    for (char& c : text)
        if (c == ',') c = ' ';
    return text;
}

bool is_filler(const std::string& word) {
    static const char* const fillers[] = {"at", "on", "the", "of", "next", "this", "a", "le",
                                          "la", "prochain", "prochaine", "vers", "de", "du", "-"};
    for (const char* f : fillers)
        if (word == f) return true;
    return false;
}

[[noreturn]] void not_understood(std::string_view field, std::string_view word,
                                 std::string_view text, Language language) {
    throw Error(std::string(field) + ": did not understand '" + std::string(word) + "' in '" +
                std::string(text) + "'; write for example " + date_time_input_example(language));
}

Reading read_words(std::string_view text, Language language, std::string_view field) {
    const CalendarNames& names = calendar_names();
    Reading r;
    std::istringstream words(join_phrases(normalize_for_matching(text)));
    std::vector<std::string> tokens;
    for (std::string w; words >> w;) tokens.push_back(w);
    for (size_t i = 0; i < tokens.size(); ++i) {
        const std::string& w = tokens[i];
        std::string bare = w;
        while (!bare.empty() && bare.back() == '.') bare.pop_back();
        if (w.size() == 2 && w[0] == '+') {
            r.days_from_today = w[1] - '0';
        } else if (names.months.count(bare)) {
            r.month = names.months.at(bare);
        } else if (names.weekdays.count(bare)) {
            r.weekday = names.weekdays.at(bare);
        } else if (w == "noon" || w == "midi") {
            r.hour = 12, r.minute = 0;
        } else if (w == "midnight" || w == "minuit") {
            r.hour = 0, r.minute = 0;
        } else if ((w == "am" || w == "pm") && r.hour) {
            if (*r.hour < 1 || *r.hour > 12) not_understood(field, w, text, language);
            r.hour = *r.hour % 12 + (w == "pm" ? 12 : 0);
        } else if (all_digits(w) && w.size() == 4) {
            r.year = number(w);
        } else if (all_digits(w) && w.size() <= 2 && i + 1 < tokens.size() &&
                   (tokens[i + 1] == "am" || tokens[i + 1] == "pm")) {
            r.hour = number(w), r.minute = 0;  // "2 pm": a time, not a day
        } else if (const auto day = day_number(w); day && !r.day) {
            r.day = *day;
        } else if (!read_numeric_date(w, language, r) && !read_time(w, r) && !is_filler(w)) {
            not_understood(field, w, text, language);
        }
    }
    return r;
}

std::string two(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

// The civil date n days after (year, month, day): computed at noon UTC so no
// clock change can move it to another day.
std::tm days_later(int year, int month, int day, int n) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day + n;
    tm.tm_hour = 12;
    const std::time_t t = timegm(&tm);
    std::tm out{};
    gmtime_r(&t, &out);
    return out;
}

}  // namespace

std::string date_time_input_example(Language language) {
    return language == Language::french ? "30/11/2026 10h00" : "2026-11-30 10:00";
}

LocalDateTime parse_date_time_input(std::string_view text, Language language,
                                    const LocalDateTime& now, std::string_view field) {
    // The stored form and ISO with an offset go straight to the strict reader.
    if (text.size() >= 16 && text[4] == '-' && text[10] == 'T') return parse_local_date_time(text, field);
    const std::string f(field);
    if (text.find_first_not_of(" \t") == std::string_view::npos)
        throw Error(f + ": must not be empty; write for example " + date_time_input_example(language));
    Reading r = read_words(text, language, field);
    if (r.slashed_ambiguous)
        throw Error(f + ": '" + std::string(text) + "' could be read two ways; write the month as a "
                    "word or use " + date_time_input_example(language));
    if (!r.hour)
        throw Error(f + ": add a time, e.g. '" + std::string(text) + " 10:00'");
    int year = now.year, month = now.month, day = now.day;
    if (r.days_from_today) {
        const std::tm d = days_later(now.year, now.month, now.day, *r.days_from_today);
        year = d.tm_year + 1900, month = d.tm_mon + 1, day = d.tm_mday;
    } else if (r.weekday && !r.day) {
        const std::tm today = days_later(now.year, now.month, now.day, 0);
        int ahead = (*r.weekday - today.tm_wday + 7) % 7;
        if (ahead == 0) ahead = 7;  // "monday" on a Monday means the next one
        const std::tm d = days_later(now.year, now.month, now.day, ahead);
        year = d.tm_year + 1900, month = d.tm_mon + 1, day = d.tm_mday;
    } else if (r.day && r.month) {
        day = *r.day, month = *r.month;
        year = r.year.value_or(now.year);
        // No year given: the next such day (a date already past means next year).
        if (!r.year && (month < now.month || (month == now.month && day < now.day))) ++year;
    } else if (r.day || r.month || r.year) {
        throw Error(f + ": '" + std::string(text) + "' needs a day and a month; write for example " +
                    date_time_input_example(language));
    }
    // LocalDateTime::date() writes the year in four digits, as the stored form has it:
    // "0999" stays 0999, so a year out of range is refused as such.
    LocalDateTime read_day;
    read_day.year = year, read_day.month = month, read_day.day = day;
    const std::string canonical = read_day.date() + "T" + two(*r.hour) + ":" + two(*r.minute);
    try {
        return parse_local_date_time(canonical, field);
    } catch (const Error& e) {
        throw Error(std::string(e.what()) + " (read from '" + std::string(text) + "')");
    }
}

}  // namespace rapport
