#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "newsgraph/text/segment.hpp"
#include "newsgraph/time/calendar.hpp"
#include "newsgraph/time/expressions.hpp"

using newsgraph::Document;
using newsgraph::Span;
using namespace newsgraph::time;

namespace {

// The expressions of one text as (surface, value or "-") pairs.
using Found = std::vector<std::pair<std::string, std::string>>;

Found find_in(const std::string& text, std::optional<std::string> date = "2011-09-01") {
  Document document;
  document.id = "test";
  document.date = std::move(date);
  document.text = text;
  const auto segments = newsgraph::text::segment(document);
  Found found;
  for (const auto& expression : find_time_expressions(document, segments))
    found.emplace_back(std::string(newsgraph::slice(document.text, expression.span)),
                       expression.value.value_or("-"));
  return found;
}

Found one(std::string surface, std::string value) {
  return {{std::move(surface), std::move(value)}};
}

}  // namespace

// 2011-09-01, the date of most tests, is a Thursday in ISO week 35.

TEST_CASE("weekdays resolve by the tense of their clause", "[time]") {
  CHECK(find_in("Lavrov met Clinton on Wednesday.") == one("Wednesday", "2011-08-31"));
  CHECK(find_in("Lavrov met Clinton on Friday.") == one("Friday", "2011-08-26"));
  CHECK(find_in("Lavrov met Clinton on Thursday.") == one("Thursday", "2011-09-01"));
  CHECK(find_in("The ministers will meet on Friday.") == one("Friday", "2011-09-02"));
  CHECK(find_in("The ministers will meet on Wednesday.") == one("Wednesday", "2011-09-07"));
  CHECK(find_in("The ministers are going to meet on Monday.") == one("Monday", "2011-09-05"));
  CHECK(find_in("The talks will be held on Monday.") == one("Monday", "2011-09-05"));
  CHECK(find_in("The ministers will meet on Friday, he said.") == one("Friday", "2011-09-02"));
  CHECK(find_in("The ministers met last Thursday.") == one("last Thursday", "2011-08-25"));
  CHECK(find_in("They meet again next Thursday.") == one("next Thursday", "2011-09-08"));
  CHECK(find_in("The talks began on Monday morning.") == one("Monday morning", "2011-08-29"));
}

TEST_CASE("a weekday with a date takes the date", "[time]") {
  const std::string text = "Ryabkov met Tauscher on Friday, August 12 in St. Petersburg.";
  CHECK(find_in(text) == one("Friday, August 12", "2011-08-12"));
  Document document;
  document.date = "2011-09-01";
  document.text = text;
  const auto expressions = find_time_expressions(document, newsgraph::text::segment(document));
  REQUIRE(expressions.size() == 1);
  CHECK(expressions[0].span == Span{24, 41});
  CHECK(expressions[0].sentence == 0);
}

TEST_CASE("months resolve against the document date", "[time]") {
  CHECK(find_in("They met last November.") == one("last November", "2010-11"));
  CHECK(find_in("The deal was signed in July 2009.") == one("July 2009", "2009-07"));
  CHECK(find_in("In July 2009 the deal was signed.") == one("July 2009", "2009-07"));
  CHECK(find_in("The talks began in early July.") == one("early July", "2011-07"));
  CHECK(find_in("The talks began in late June.") == one("late June", "2011-06"));
  CHECK(find_in("The talks began in mid-August.") == one("mid-August", "2011-08"));
  CHECK(find_in("Prices rose in September 2010.") == one("September 2010", "2010-09"));
  CHECK(find_in("The summit will open in November.") == one("November", "2011-11"));
}

TEST_CASE("month and day without a year", "[time]") {
  CHECK(find_in("They met on 12 August.") == one("12 August", "2011-08-12"));
  CHECK(find_in("They met on Aug. 12.") == one("Aug. 12", "2011-08-12"));
  CHECK(find_in("They will meet on Sept. 12.") == one("Sept. 12", "2011-09-12"));
  CHECK(find_in("They met on the 12th of August.") == one("the 12th of August", "2011-08-12"));
  CHECK(find_in("They met on 1 September 2011.") == one("1 September 2011", "2011-09-01"));
  CHECK(find_in("They met on Aug. 12, 2010.") == one("Aug. 12, 2010", "2010-08-12"));
  // A past clause would put Nov. 17 almost a year back; a writer would have said which year.
  CHECK(find_in("The vote was set for Nov. 17.", "2011-10-26") == one("Nov. 17", "2011-11-17"));
}

TEST_CASE("year boundaries", "[time]") {
  CHECK(find_in("They met last December.", "2012-01-15") == one("last December", "2011-12"));
  CHECK(find_in("They will meet next January.", "2011-12-10") == one("next January", "2012-01"));
  CHECK(find_in("They met on Dec. 30.", "2012-01-03") == one("Dec. 30", "2011-12-30"));
  CHECK(find_in("They will meet on Jan. 5.", "2011-12-28") == one("Jan. 5", "2012-01-05"));
  CHECK(find_in("They met in December.", "2012-01-03") == one("December", "2011-12"));
  CHECK(find_in("Growth slowed last week.", "2012-01-04") == one("last week", "2011-W52"));
}

TEST_CASE("holidays", "[time]") {
  CHECK(find_in("They met on Christmas Eve.", "2012-01-03") == one("Christmas Eve", "2011-12-24"));
  CHECK(find_in("They will meet on New Year's Day.", "2011-12-28") == one("New Year's Day", "2012-01-01"));
  CHECK(find_in("He left last Thanksgiving.", "1999-12-10") == one("last Thanksgiving", "1999-11-25"));
}

TEST_CASE("relative days, weeks, months and years", "[time]") {
  CHECK(find_in("He arrived yesterday.") == one("yesterday", "2011-08-31"));
  CHECK(find_in("He arrives today.") == one("today", "2011-09-01"));
  CHECK(find_in("He leaves tomorrow.") == one("tomorrow", "2011-09-02"));
  CHECK(find_in("He arrived two years ago.") == one("two years ago", "2009"));
  CHECK(find_in("He arrived three days ago.") == one("three days ago", "2011-08-29"));
  CHECK(find_in("He arrived a month ago.") == one("a month ago", "2011-08"));
  CHECK(find_in("He arrived earlier this month.") == one("earlier this month", "2011-09"));
  CHECK(find_in("Growth slowed this year.") == one("this year", "2011"));
  CHECK(find_in("Growth slowed last year.") == one("last year", "2010"));
  CHECK(find_in("Growth slowed last month.") == one("last month", "2011-08"));
  CHECK(find_in("They will meet next week.") == one("next week", "2011-W36"));
  CHECK(find_in("They met last week.") == one("last week", "2011-W34"));
}

TEST_CASE("absolute years, decades and dates", "[time]") {
  CHECK(find_in("The plant opened in 2009.") == one("2009", "2009"));
  CHECK(find_in("The plant opened on 2011-08-12.") == one("2011-08-12", "2011-08-12"));
  CHECK(find_in("The plant opened in the 1990s.") == one("the 1990s", "199"));
  CHECK(find_in("The plant opened in the late 1970s.") == one("the late 1970s", "197"));
  CHECK(find_in("It was a hit in the '80s.") == one("the '80s", "198"));
  CHECK(find_in("Growth slowed in the third quarter.") == one("the third quarter", "2011-Q3"));
  CHECK(find_in("Third-quarter profit fell.") == one("Third-quarter", "2011-Q3"));
  CHECK(find_in("Profit fell in the first quarter of 2010.") == one("the first quarter of 2010", "2010-Q1"));
  CHECK(find_in("Prices rose last summer.") == one("last summer", "2011-SU"));
  CHECK(find_in("Profit fell from the year-earlier third quarter.") ==
        one("the year-earlier third quarter", "2010-Q3"));
}

TEST_CASE("expressions the text does not pin down have no value", "[time]") {
  CHECK(find_in("He arrived recently.") == one("recently", "-"));
  CHECK(find_in("He will arrive soon.") == one("soon", "-"));
  CHECK(find_in("Such things happened in the past.") == one("the past", "-"));
  CHECK(find_in("He arrived a few years ago.") == one("a few years ago", "-"));
  CHECK(find_in("Relations are now better.") == one("now", "-"));
}

TEST_CASE("words that are not times", "[time]") {
  CHECK(find_in("They may meet, and the soldiers will march.").empty());
  CHECK(find_in("He sent 2000 troops.").empty());
  CHECK(find_in("She is in her 30s.").empty());
  CHECK(find_in("He wrote about the fall of the Berlin Wall.").empty());
  CHECK(find_in("He left as soon as possible.").empty());
}

TEST_CASE("without a document date only absolute expressions get a value", "[time]") {
  CHECK(find_in("They met on Friday.", std::nullopt) == one("Friday", "-"));
  CHECK(find_in("They met last November.", std::nullopt) == one("last November", "-"));
  CHECK(find_in("They met in July 2009.", std::nullopt) == one("July 2009", "2009-07"));
  CHECK(find_in("They met on Aug. 12, 2010.", std::nullopt) == one("Aug. 12, 2010", "2010-08-12"));
}

TEST_CASE("several expressions in a text keep their sentences", "[time]") {
  Document document;
  document.date = "2011-09-01";
  document.text = "Lavrov said on Friday that the ministers will meet on Monday. They last met in 2009.";
  const auto segments = newsgraph::text::segment(document);
  const auto expressions = find_time_expressions(document, segments);
  REQUIRE(expressions.size() == 3);
  CHECK(expressions[0].value == "2011-08-26");
  CHECK(expressions[0].sentence == 0);
  CHECK(expressions[1].value == "2011-09-05");
  CHECK(expressions[2].value == "2009");
  CHECK(expressions[2].sentence == 1);
}

TEST_CASE("normalize_time_expression resolves one expression", "[time]") {
  CHECK(normalize_time_expression("last November", "2011-09-01", Tense::Past) == "2010-11");
  CHECK(normalize_time_expression("Friday", "2011-09-01", Tense::Future) == "2011-09-02");
  CHECK(normalize_time_expression("Friday", "2011-09-01", Tense::Past) == "2011-08-26");
  CHECK(normalize_time_expression("July 2009", std::nullopt, Tense::Past) == "2009-07");
  CHECK(normalize_time_expression("Friday", std::nullopt, Tense::Past) == std::nullopt);
  CHECK(normalize_time_expression("the talks", "2011-09-01", Tense::Past) == std::nullopt);
  CHECK(normalize_time_expression("Friday talks", "2011-09-01", Tense::Past) == std::nullopt);
}

TEST_CASE("calendar_date keeps what a value pins down on the calendar", "[time]") {
  CHECK(calendar_date("2011-08-12") == "2011-08-12");
  CHECK(calendar_date("2011-08") == "2011-08");
  CHECK(calendar_date("2011") == "2011");
  CHECK(calendar_date("2011-W36") == "2011-09");     // 5 to 11 September
  CHECK(calendar_date("2011-W35") == "2011");        // 29 August to 4 September
  CHECK(calendar_date("2014-W01") == std::nullopt);  // 30 December 2013 to 5 January 2014
  CHECK(calendar_date("2011-Q3") == "2011");
  CHECK(calendar_date("2011-WI") == std::nullopt);
  CHECK(calendar_date("199") == std::nullopt);
}

TEST_CASE("calendar arithmetic", "[time]") {
  CHECK(weekday(Date{2011, 9, 1}) == 3);
  CHECK(weekday(Date{1970, 1, 1}) == 3);
  CHECK(add_days(Date{2012, 2, 28}, 1) == Date{2012, 2, 29});
  CHECK(add_days(Date{2011, 12, 31}, 1) == Date{2012, 1, 1});
  CHECK(iso_week(Date{2011, 9, 1}).week == 35);
  CHECK(iso_week(Date{2010, 1, 3}).year == 2009);
  CHECK(iso_week(Date{2010, 1, 3}).week == 53);
  CHECK(parse_date("2011-02-29") == std::nullopt);
  CHECK(parse_date("2012-02-29") == Date{2012, 2, 29});
}
