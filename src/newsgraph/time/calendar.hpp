// Calendar arithmetic for the time stage: proleptic Gregorian dates, weekdays, ISO 8601 weeks and the
// ISO value strings the stage writes ("2011-08-12", "2011-07", "2011-W36", "2011-Q3"). A Date is a
// plain value and every function here is pure: safe to use from any thread.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph::time {

struct Date {
  int year = 0;
  int month = 1;  // 1..12
  int day = 1;    // 1..days_in_month(year, month)
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Days since 1970-01-01 (negative before it).
long days_from_civil(const Date& date);
Date civil_from_days(long days);
Date add_days(const Date& date, long days);

int days_in_month(int year, int month);

// 0 = Monday ... 6 = Sunday, as in ISO 8601.
int weekday(const Date& date);

struct IsoWeek {
  int year = 0;  // the ISO week-numbering year: the year of the week's Thursday
  int week = 1;  // 1..53
};
IsoWeek iso_week(const Date& date);

// "YYYY-MM-DD" exactly, with a real day of a real month; nullopt for anything else.
std::optional<Date> parse_date(std::string_view iso);

// ISO 8601 strings: "2011", "2011-08", "2011-08-12", "2011-W36".
std::string format_year(int year);
std::string format_month(int year, int month);
std::string format_date(const Date& date);
std::string format_week(const IsoWeek& week);

}  // namespace newsgraph::time
