#include "engine/local_time.h"

#include "engine/error.h"

#include <cstdio>
#include <ctime>
#include <regex>

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

}  // namespace

std::int64_t LocalDateTime::utc_seconds() const {
    std::tm tm = to_tm(*this);
    return static_cast<std::int64_t>(timegm(&tm)) - std::int64_t{utc_offset_minutes} * 60;
}

std::string LocalDateTime::date() const {
    return std::to_string(year) + "-" + two(month) + "-" + two(day);
}

std::string LocalDateTime::wall_clock() const { return date() + " " + two(hour) + ":" + two(minute); }

std::string LocalDateTime::iso() const {
    return date() + "T" + two(hour) + ":" + two(minute) + offset_text(utc_offset_minutes);
}

LocalDateTime parse_local_date_time(std::string_view text, std::string_view field) {
    static const std::regex pattern(
        R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)");
    const std::string s(text);
    std::smatch m;
    const auto bad = [&](const std::string& why) {
        return Error(std::string(field) + ": '" + s + "' " + why);
    };
    if (!std::regex_match(s, m, pattern))
        throw bad("is not a date-time of the form YYYY-MM-DDTHH:MM");
    LocalDateTime t;
    t.year = std::stoi(m[1]);
    t.month = std::stoi(m[2]);
    t.day = std::stoi(m[3]);
    t.hour = std::stoi(m[4]);
    t.minute = std::stoi(m[5]);
    if (t.hour > 23 || t.minute > 59 || (m[6].matched && std::stoi(m[6]) > 59))
        throw bad("has an impossible time of day");
    std::tm check = to_tm(t);
    timegm(&check);  // normalizes 2025-02-30 to March: then the date did not exist
    if (!same_wall_clock(check, t)) throw bad("is not a real calendar date");

    if (m[7].matched) {
        const std::string off = m[7];
        if (off != "Z") {
            const int minutes = std::stoi(off.substr(1, 2)) * 60 + std::stoi(off.substr(4, 2));
            if (minutes > 14 * 60) throw bad("has a UTC offset beyond ±14:00");
            t.utc_offset_minutes = off[0] == '-' ? -minutes : minutes;
        }
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

LocalDateTime local_from_utc(std::int64_t utc_seconds) {
    const std::time_t when = static_cast<std::time_t>(utc_seconds);
    std::tm tm{};
    localtime_r(&when, &tm);
    return from_tm(tm);
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
