#include "newsgraph/time/calendar.hpp"

#include <cstdio>

namespace newsgraph::time {

// Howard Hinnant's days_from_civil / civil_from_days (public domain), on a year that starts in March
// so that the leap day is the last day of the year.
long days_from_civil(const Date& date) {
  const long year = date.month <= 2 ? date.year - 1 : date.year;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Date civil_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long shifted_month = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

Date add_days(const Date& date, long days) {
  return civil_from_days(days_from_civil(date) + days);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int weekday(const Date& date) {
  const long days = days_from_civil(date);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

IsoWeek iso_week(const Date& date) {
  const Date thursday = add_days(date, 3 - weekday(date));
  const long first_day = days_from_civil(Date{thursday.year, 1, 1});
  return IsoWeek{thursday.year, static_cast<int>((days_from_civil(thursday) - first_day) / 7 + 1)};
}

std::optional<Date> parse_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto number = [&](std::size_t begin, std::size_t size) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = begin; i < begin + size; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
      value = value * 10 + (iso[i] - '0');
    }
    return value;
  };
  const auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month))
    return std::nullopt;
  return Date{*year, *month, *day};
}

std::string format_year(int year) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", year);
  return buffer;
}

std::string format_month(int year, int month) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

std::string format_date(const Date& date) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string format_week(const IsoWeek& week) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-W%02d", week.year, week.week);
  return buffer;
}

}  // namespace newsgraph::time
