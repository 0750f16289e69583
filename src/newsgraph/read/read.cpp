#include "newsgraph/read/read.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "newsgraph/error.hpp"
#include "newsgraph/text/utf8.hpp"
#include "newsgraph/text/words.hpp"

namespace newsgraph::read {
namespace {

namespace fs = std::filesystem;

constexpr std::array<const char*, 12> kMonths = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};

// 1-12 for a month name or its usual abbreviation ("Sept", "Aug."), 0 otherwise.
int month_number(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (!name.empty() && name.back() == '.') name.pop_back();
  if (name.size() < 3) return 0;
  for (std::size_t m = 0; m < kMonths.size(); ++m)
    if (std::string_view(kMonths[m]).starts_with(name)) return static_cast<int>(m) + 1;
  return 0;
}

// "ST. PETERSBURG" -> "St. Petersburg"; "NEW YORK" -> "New York".
std::string title_case(std::string_view place) {
  std::string out(place);
  bool word_start = true;
  for (char& c : out) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      c = word_start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                     : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      word_start = false;
    } else {
      word_start = c == ' ' || c == '-' || c == '.';
    }
  }
  return out;
}

struct Dateline {
  Span span;
  std::string place;
  std::optional<std::string> source;
  int month = 0, day = 0, year = 0;  // 0 when not given
};

// A wire dateline at the head of the text: "MOSCOW, September 1 (Itar-Tass) —",
// "WASHINGTON, Aug. 12, 2011 (Reuters) -", "LONDON (AP) --", "ST. PETERSBURG, July 3 —", and with
// an abbreviated state after the city, "ORLANDO, Fla. (Reuters) -", "CAMBRIDGE, Mass., Dec. 11 (UPI) —"
// (the place is the city's).
// A dateline on a line of its own, date first: "April 18, 2002 19:00 The Kremlin, Moscow" (the
// form of official news sites such as kremlin.ru).
std::optional<Dateline> parse_date_first_line(const std::string& text) {
  static const std::regex pattern(
      R"(^\s*([A-Z][a-z]+\.?)\s+(\d{1,2}),\s*(\d{4})(?:\s+\d{1,2}:\d{2})?\s+([A-Z][^\n]{1,60}?)\s*(?:\n|$))");
  std::smatch match;
  const std::string head = text.substr(0, 200);
  if (!std::regex_search(head, match, pattern)) return std::nullopt;
  Dateline dateline;
  dateline.month = month_number(match[1].str());
  if (dateline.month == 0) return std::nullopt;
  dateline.day = std::stoi(match[2].str());
  dateline.year = std::stoi(match[3].str());
  dateline.place = match[4].str();
  const std::size_t begin = static_cast<std::size_t>(match.position(1));
  dateline.span = Span{begin, static_cast<std::size_t>(match.position(4) + match.length(4))};
  return dateline;
}

std::optional<Dateline> parse_dateline(const std::string& text) {
  if (auto dateline = parse_date_first_line(text)) return dateline;
  static const std::regex pattern(R"(^\s*([A-Z][A-Z.'\- ]*[A-Z.])(?:\s*,\s*([A-Z][A-Za-z.]{0,4}\.))?)"
                                  R"((?:\s*,\s*([A-Z][a-z]+\.?)\s+(\d{1,2})(?:\s*,\s*(\d{4}))?)?)"
                                  R"((?:\s*\(([^()\n]{2,40})\))?\s*(?:—|–|--|-)\s*)");
  std::smatch match;
  const std::string head = text.substr(0, 200);
  if (!std::regex_search(head, match, pattern)) return std::nullopt;
  Dateline dateline;
  // A place alone before a dash could be an all-capital headline word; demand a date or a source.
  if (!match[3].matched && !match[6].matched) return std::nullopt;
  // "NASA, Inc. (AP) -" is no dateline: the word after the city must be a state.
  if (match[2].matched && !text::is_state_abbreviation(match[2].str().substr(0, match[2].length() - 1)))
    return std::nullopt;
  if (match[3].matched) {
    dateline.month = month_number(match[3].str());
    if (dateline.month == 0) return std::nullopt;
    dateline.day = std::stoi(match[4].str());
    if (match[5].matched) dateline.year = std::stoi(match[5].str());
  }
  dateline.place = title_case(match[1].str());
  if (match[6].matched) dateline.source = match[6].str();
  const std::size_t begin = static_cast<std::size_t>(match.position(1));
  std::size_t end = static_cast<std::size_t>(match.position(0) + match.length(0));
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  dateline.span = Span{begin, end};
  return dateline;
}

std::string two_digits(int value) {
  std::string digits = std::to_string(value);
  if (digits.size() < 2) digits.insert(digits.begin(), '0');
  return digits;
}

// Line number (1-based) of a byte offset, for messages about .txt files.
std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

void check_text(const std::string& text, const std::string& where) {
  if (const auto bad = text::find_invalid_utf8(text))
    throw InputError(where + ":" + std::to_string(line_of(text, *bad)) + ": invalid UTF-8 (byte " +
                     std::to_string(*bad) + " of the text); newsgraph reads UTF-8 only");
  if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); }))
    throw InputError(where + ": the article is empty");
}

// Applies a wire dateline found at the head of the text to the fields it may fill.
void apply_dateline(Document& document) {
  const auto dateline = parse_dateline(document.text);
  if (!dateline) return;
  document.dateline_span = dateline->span;
  if (!document.dateline) document.dateline = dateline->place;
  if (!document.source && dateline->source) document.source = dateline->source;
  if (!document.date && dateline->year)
    document.date =
        std::to_string(dateline->year) + "-" + two_digits(dateline->month) + "-" + two_digits(dateline->day);
}

std::optional<std::string> optional_string(const rapidjson::Value& record, const char* field,
                                           const std::string& where) {
  const auto member = record.FindMember(field);
  if (member == record.MemberEnd() || member->value.IsNull()) return std::nullopt;
  if (!member->value.IsString())
    throw InputError(where + ": field \"" + field + "\" must be a string or null");
  return std::string(member->value.GetString(), member->value.GetStringLength());
}

Document parse_jsonl_record(const std::string& line, const std::string& where, const ReadOptions& options) {
  if (const auto bad = text::find_invalid_utf8(line))
    throw InputError(where + ": invalid UTF-8 at column " + std::to_string(*bad + 1) +
                     "; newsgraph reads UTF-8 only");
  rapidjson::Document record;
  record.Parse(line.c_str(), line.size());
  if (record.HasParseError())
    throw InputError(where + ": not a JSON object: " + rapidjson::GetParseError_En(record.GetParseError()) +
                     " (column " + std::to_string(record.GetErrorOffset() + 1) + ")");
  if (!record.IsObject())
    throw InputError(where + ": not a JSON object: each line must be {\"id\": ..., \"text\": ...}");

  Document document;
  document.origin = where;
  const auto id = optional_string(record, "id", where);
  if (!id || id->empty())
    throw InputError(where + ": field \"id\" is missing; each article needs a unique id");
  document.id = *id;
  const auto text = optional_string(record, "text", where);
  if (!text)
    throw InputError(where + ": field \"text\" is missing; article \"" + document.id + "\" has no text");
  document.text = *text;
  if (std::all_of(document.text.begin(), document.text.end(),
                  [](unsigned char c) { return std::isspace(c); }))
    throw InputError(where + ": article \"" + document.id + "\" is empty");
  document.date = optional_string(record, "date", where);
  if (document.date) check_iso_date(*document.date, where + ": field \"date\"");
  document.source = optional_string(record, "source", where);
  document.title = optional_string(record, "title", where);
  document.dateline = optional_string(record, "dateline", where);
  apply_dateline(document);
  if (!document.date) document.date = options.date;
  return document;
}

bool is_article_file(const fs::path& path) {
  const auto extension = path.extension();
  return extension == ".txt" || extension == ".jsonl";
}

class Reader {
 public:
  Reader(const ReadOptions& options, ReadResult& result) : options_(options), result_(result) {}

  void read_input(const std::string& input, std::istream& standard_input) {
    if (input == "-") {
      const std::string content{std::istreambuf_iterator<char>(standard_input),
                                std::istreambuf_iterator<char>()};
      const auto first = content.find_first_not_of(" \t\r\n");
      if (first != std::string::npos && content[first] == '{')
        read_jsonl_content(content, "<stdin>");
      else
        add_text_article(content, "stdin", "<stdin>");
      return;
    }
    const fs::path path(input);
    std::error_code error;
    if (fs::is_directory(path, error)) {
      read_directory(path);
    } else if (!fs::exists(path, error)) {
      result_.problems.push_back(input + ": no such file or directory");
    } else {
      read_file(path, path.stem().string());
    }
  }

 private:
  void read_directory(const fs::path& directory) {
    std::vector<fs::path> files;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(directory, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error))
      if (it->is_regular_file(error) && is_article_file(it->path())) files.push_back(it->path());
    if (error)
      result_.problems.push_back(directory.string() + ": cannot list the directory: " + error.message());
    if (files.empty()) {
      result_.problems.push_back(directory.string() +
                                 ": no articles (.txt or .jsonl files) in this directory");
      return;
    }
    std::sort(files.begin(), files.end());
    // A .txt file's id is its name without ".txt"; where two files below the directory share a name
    // ("business/001.txt", "sport/001.txt"), it is the path below the directory instead.
    std::map<std::string, std::size_t> uses_of_name;
    for (const auto& file : files) ++uses_of_name[file.stem().string()];
    for (const auto& file : files)
      read_file(file, uses_of_name[file.stem().string()] == 1
                          ? file.stem().string()
                          : file.lexically_relative(directory).replace_extension().generic_string());
  }

  // text_id: the id of the article a .txt file holds (a .jsonl file's records carry their own).
  void read_file(const fs::path& path, const std::string& text_id) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      result_.problems.push_back(path.string() + ": cannot open the file for reading");
      return;
    }
    const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (path.extension() == ".jsonl")
      read_jsonl_content(content, path.string());
    else
      add_text_article(content, text_id, path.string());
  }

  void read_jsonl_content(const std::string& content, const std::string& name) {
    std::istringstream lines(content);
    std::string line;
    std::size_t number = 0;
    while (std::getline(lines, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      const std::string where = name + ":" + std::to_string(number);
      try {
        add(parse_jsonl_record(line, where, options_));
      } catch (const InputError& e) {
        result_.problems.push_back(e.what());
      }
    }
    if (number == 0) result_.problems.push_back(name + ": the file is empty");
  }

  void add_text_article(const std::string& content, const std::string& id, const std::string& where) {
    try {
      add(read_text_article(content, id, where, options_));
    } catch (const InputError& e) {
      result_.problems.push_back(e.what());
    }
  }

  void add(Document document) {
    if (!ids_.insert(document.id).second) {
      result_.problems.push_back(document.origin + ": article id \"" + document.id +
                                 "\" was used already; this article is skipped");
      return;
    }
    result_.documents.push_back(std::move(document));
  }

  const ReadOptions& options_;
  ReadResult& result_;
  std::set<std::string> ids_;
};

}  // namespace

void check_iso_date(const std::string& date, const std::string& what) {
  static const std::regex iso(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  if (!std::regex_match(date, iso)) throw InputError(what + " must be a date like 2011-09-01, found " + date);
}

Document read_text_article(std::string text, std::string id, std::string origin, const ReadOptions& options) {
  check_text(text, origin);
  Document document;
  document.id = std::move(id);
  document.origin = std::move(origin);
  document.text = std::move(text);
  apply_dateline(document);
  if (!document.date) document.date = options.date;
  return document;
}

ReadResult read_articles(const std::vector<std::string>& inputs, const ReadOptions& options,
                         std::istream& standard_input) {
  ReadResult result;
  Reader reader(options, result);
  for (const auto& input : inputs) reader.read_input(input, standard_input);
  return result;
}

}  // namespace newsgraph::read
