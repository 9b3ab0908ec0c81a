#include "engine/base/local_time.h"

#include "engine/base/error.h"

#include <cstdio>
#include <ctime>
#include <optional>

namespace rapport {
namespace {

std::string two(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string offset_text(int minutes) {
    const char sign = minutes < 0 ? '-' : '+';
    const int a = minutes < 0 ? -minutes : minutes;
    return std::string(1, sign) + two(a / 60) + ":" + two(a % 60);
}

std::tm to_tm(const LocalDateTime& t) {
    std::tm tm{};
    tm.tm_year = t.year - 1900;
    tm.tm_mon = t.month - 1;
    tm.tm_mday = t.day;
    tm.tm_hour = t.hour;
    tm.tm_min = t.minute;
    return tm;
}

bool same_wall_clock(const std::tm& tm, const LocalDateTime& t) {
    return tm.tm_year == t.year - 1900 && tm.tm_mon == t.month - 1 && tm.tm_mday == t.day &&
           tm.tm_hour == t.hour && tm.tm_min == t.minute;
}

LocalDateTime from_tm(const std::tm& tm) {
    LocalDateTime t;
    t.year = tm.tm_year + 1900;
    t.month = tm.tm_mon + 1;
    t.day = tm.tm_mday;
    t.hour = tm.tm_hour;
    t.minute = tm.tm_min;
    t.utc_offset_minutes = static_cast<int>(tm.tm_gmtoff / 60);
    return t;
}

// The number written with exactly n digits at text[pos], if any.
std::optional<int> digits(std::string_view text, size_t pos, size_t n) {
    if (pos + n > text.size()) return std::nullopt;
    int value = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

struct ParsedText {
    LocalDateTime fields;
    std::optional<int> seconds;
    std::optional<int> offset_minutes;  // absent: local time
    bool offset_too_large = false;
};

// "YYYY-MM-DDTHH:MM", then optional ":SS", then optional "Z" or "±HH:MM".
std::optional<ParsedText> scan(std::string_view s) {
    if (s.size() < 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':')
        return std::nullopt;
    const auto year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2),
               hour = digits(s, 11, 2), minute = digits(s, 14, 2);
    if (!year || !month || !day || !hour || !minute) return std::nullopt;
    ParsedText p;
    p.fields = {*year, *month, *day, *hour, *minute, 0};
    size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        p.seconds = digits(s, pos + 1, 2);
        if (!p.seconds) return std::nullopt;
        pos += 3;
    }
    const std::string_view rest = s.substr(pos);
    if (rest.empty()) return p;
    if (rest == "Z") {
        p.offset_minutes = 0;
        return p;
    }
    const auto oh = digits(rest, 1, 2), om = digits(rest, 4, 2);
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' || !oh || !om)
        return std::nullopt;
    const int minutes = *oh * 60 + *om;
    p.offset_too_large = minutes > 14 * 60 || *om > 59;
    p.offset_minutes = rest[0] == '-' ? -minutes : minutes;
    return p;
}

}  // namespace

std::int64_t LocalDateTime::utc_seconds() const {
    std::tm tm = to_tm(*this);
    return static_cast<std::int64_t>(timegm(&tm)) - std::int64_t{utc_offset_minutes} * 60;
}

std::string LocalDateTime::date() const {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

std::string LocalDateTime::wall_clock() const { return date() + " " + two(hour) + ":" + two(minute); }

std::string LocalDateTime::iso() const {
    return date() + "T" + two(hour) + ":" + two(minute) + offset_text(utc_offset_minutes);
}

namespace {

LocalDateTime parse_date_time(std::string_view text, std::string_view field, bool check_year) {
    const auto bad = [&](const std::string& why) {
        return Error(std::string(field) + ": '" + std::string(text) + "' " + why);
    };
    const auto parsed = scan(text);
    if (!parsed) throw bad("is not a date-time of the form YYYY-MM-DDTHH:MM");
    LocalDateTime t = parsed->fields;
    if (t.hour > 23 || t.minute > 59 || parsed->seconds.value_or(0) > 59)
        throw bad("has an impossible time of day");
    std::tm check = to_tm(t);
    timegm(&check);  // normalizes 2025-02-30 to March: then the date did not exist
    if (!same_wall_clock(check, t)) throw bad("is not a real calendar date");
    if (check_year && (t.year < kFirstYear || t.year > kLastYear))
        throw bad("is outside the years " + std::to_string(kFirstYear) + " to " +
                  std::to_string(kLastYear));

    if (parsed->offset_minutes) {
        if (parsed->offset_too_large) throw bad("has a UTC offset beyond ±14:00");
        t.utc_offset_minutes = *parsed->offset_minutes;
        return t;
    }
    std::tm local = to_tm(t);
    local.tm_isdst = -1;
    if (mktime(&local) == static_cast<std::time_t>(-1)) throw bad("cannot be placed in local time");
    if (!same_wall_clock(local, t))
        throw bad("does not exist in local time (the clocks skip it); pick another time");
    t.utc_offset_minutes = static_cast<int>(local.tm_gmtoff / 60);
    return t;
}

}  // namespace

LocalDateTime parse_local_date_time(std::string_view text, std::string_view field) {
    return parse_date_time(text, field, true);
}

LocalDateTime parse_stored_date_time(std::string_view text, std::string_view field) {
    // Older versions wrote the year unpadded: "999-03-14T09:30+00:00".
    const size_t year_digits = text.find('-');
    if (year_digits >= 1 && year_digits < 4 && year_digits != std::string_view::npos) {
        const std::string padded = std::string(4 - year_digits, '0') + std::string(text);
        return parse_date_time(padded, field, false);
    }
    return parse_date_time(text, field, false);
}

LocalDateTime local_from_utc(std::int64_t utc_seconds) {
    const std::time_t when = static_cast<std::time_t>(utc_seconds);
    std::tm tm{};
    localtime_r(&when, &tm);
    return from_tm(tm);
}

bool is_iso_date(std::string_view text) {
    return text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(text, 0, 4) &&
           digits(text, 5, 2) && digits(text, 8, 2);
}

LocalDateTime add_business_days(const LocalDateTime& start, int n) {
    std::tm day = to_tm(start);
    day.tm_hour = 12;  // noon: day steps never cross midnight at a clock change
    for (int counted = 0; counted < n;) {
        ++day.tm_mday;
        timegm(&day);  // normalizes the date and sets tm_wday
        if (day.tm_wday != 0 && day.tm_wday != 6) ++counted;
    }
    std::tm local = day;
    local.tm_hour = start.hour;
    local.tm_min = start.minute;
    local.tm_isdst = -1;
    mktime(&local);
    return from_tm(local);
}

LocalDateTime now_local() { return local_from_utc(static_cast<std::int64_t>(std::time(nullptr))); }

namespace {

std::string format_now(const char* format, bool utc) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    if (utc) gmtime_r(&now, &tm);
    else localtime_r(&now, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

}  // namespace

std::string now_utc_iso() { return format_now("%Y-%m-%dT%H:%M:%SZ", true); }

std::string now_local_stamp() { return format_now("%Y%m%d-%H%M%S", false); }

}  // namespace rapport
