#include "newsgraph/text/segment.hpp"
#include "newsgraph/text/words.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "newsgraph/text/utf8.hpp"

namespace newsgraph::text {
namespace {

using namespace std::string_view_literals;

// Abbreviations whose period never ends a sentence: titles before a name, and month and
// other short forms that are always followed by more of the same sentence.
constexpr std::array kAbbreviations = {
    "Mr"sv,   "Mrs"sv,  "Ms"sv,   "Dr"sv,     "St"sv,   "Gen"sv, "Sen"sv, "Rep"sv,    "Gov"sv,
    "Del"sv,  "Prof"sv, "Lt"sv,   "Col"sv,    "Capt"sv, "Sgt"sv, "Rev"sv, "Maj"sv,    "Adm"sv,
    "Cmdr"sv, "Brig"sv, "Pres"sv, "Supt"sv,   "Insp"sv, "Jan"sv, "Feb"sv, "Mar"sv,    "Apr"sv,
    "Jun"sv,  "Jul"sv,  "Aug"sv,  "Sep"sv,    "Sept"sv, "Oct"sv, "Nov"sv, "Dec"sv,    "No"sv,
    "Nos"sv,  "vs"sv,   "Mt"sv,   "Ft"sv,     "Ave"sv,  "Jr"sv,  "Sr"sv,  "Co"sv,     "Corp"sv,
    "Inc"sv,  "Ltd"sv,  "Bros"sv, "approx"sv, "e.g"sv,  "i.e"sv, "etc"sv, "Messrs"sv, "Mme"sv};

// Abbreviations that may also close a sentence ("... by the U.S. The next day ..."): they end one
// only before a word that typically opens a sentence.
constexpr std::array kSentenceOpeners = {
    "The"sv,     "A"sv,       "An"sv,    "He"sv,   "She"sv,  "It"sv,    "They"sv,  "We"sv,    "I"sv,
    "But"sv,     "And"sv,     "In"sv,    "This"sv, "That"sv, "These"sv, "Those"sv, "There"sv, "His"sv,
    "Her"sv,     "Their"sv,   "Its"sv,   "On"sv,   "At"sv,   "As"sv,    "If"sv,    "When"sv,  "Meanwhile"sv,
    "However"sv, "Earlier"sv, "Later"sv, "Now"sv,  "Yet"sv,  "So"sv};

bool is_opening_punct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == U'\u201C' || c == U'\u2018' || c == U'\u00AB';
}

bool is_closing_punct(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' || c == U'\u2026';
}

// Dashes and ellipses split words even without spaces around them ("East…", "security – and").
bool is_breaking_punct(char32_t c) {
  return c == U'\u2014' || c == U'\u2013' || c == U'\u2026';
}

bool is_upper_initial(std::string_view word) {
  return !word.empty() && ((word[0] >= 'A' && word[0] <= 'Z') ||
                           static_cast<unsigned char>(word[0]) >= 0xC3);  // accented capitals
}

// "U.S.", "J.", "e.g." without its last period: letters separated by periods, each part short.
bool is_dotted_initials(std::string_view stem) {
  if (stem.empty()) return false;
  std::size_t run = 0;
  for (char c : stem) {
    if (c == '.') {
      if (run == 0) return false;
      run = 0;
    } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      if (++run > 1) return false;
    } else {
      return false;
    }
  }
  return run == 1;
}

// States of the United States as written after a city and its comma ("Tulsa, Okla., police"),
// where they keep their period ("Midnight Mass." is no state); that period still ends a sentence
// where a period of its own would ("in Tulsa, Okla. Police said"). The dotted ones ("N.C.") are
// dotted initials and end one only before a sentence opener, as "U.S." does; "Del." is Delegate's
// (kAbbreviations) and never ends one.
bool is_dotless_state(std::string_view stem) {
  return stem.find('.') == std::string_view::npos && is_state_abbreviation(stem) &&
         !text::is_one_of(stem, kAbbreviations);
}

// Splits one whitespace-free chunk [begin, end) of text into tokens appended to out.
class ChunkTokenizer {
 public:
  ChunkTokenizer(std::string_view text, std::vector<Token>& out) : text_(text), out_(out) {}

  void tokenize(std::size_t begin, std::size_t end) {
    // Break at dashes and ellipses first, then handle each piece.
    std::size_t piece = begin;
    for (std::size_t i = begin; i < end;) {
      const Utf8Char c = decode_utf8(text_, i);
      if (is_breaking_punct(c.code_point) || (c.code_point == '-' && i + 1 < end && text_[i + 1] == '-')) {
        std::size_t mark_end = i + c.length;
        while (mark_end < end && text_[mark_end] == '-') ++mark_end;  // "--" as one token
        tokenize_piece(piece, i);
        emit(i, mark_end);
        piece = i = mark_end;
      } else {
        i += c.length;
      }
    }
    tokenize_piece(piece, end);
  }

 private:
  void emit(std::size_t begin, std::size_t end) {
    if (begin < end) out_.push_back(Token{Span{begin, end}});
  }

  void tokenize_piece(std::size_t begin, std::size_t end) {
    // Opening punctuation and quotation marks at the front; "``" is the typewriter opening quote
    // of some wire text.
    while (begin < end) {
      if (text_.substr(begin, std::min<std::size_t>(2, end - begin)) == "``") {
        emit(begin, begin + 2);
        begin += 2;
        continue;
      }
      const Utf8Char c = decode_utf8(text_, begin);
      const bool straight_quote =
          c.code_point == '"' || (c.code_point == '\'' && end - begin > 1 && !is_contraction(begin, end));
      if (!is_opening_punct(c.code_point) && !straight_quote) break;
      emit(begin, begin + c.length);
      begin += c.length;
    }
    // Closing punctuation at the back, collected in reverse.
    std::vector<Span> tail;
    while (begin < end) {
      if (end - begin > 2 && text_.substr(end - 2, 2) == "''") {
        tail.push_back(Span{end - 2, end});
        end -= 2;
        continue;
      }
      const std::size_t last = previous_char_start(text_, end);
      const char32_t c = decode_utf8(text_, last).code_point;
      if (is_closing_punct(c) || c == '"') {
        tail.push_back(Span{last, end});
        end = last;
      } else if (c == '\'' && last > begin && text_[last - 1] != 's') {
        tail.push_back(Span{last, end});
        end = last;
      } else if (c == '.') {
        const std::string_view stem = text_.substr(begin, last - begin);
        if (text::is_one_of(stem, kAbbreviations) || is_dotted_initials(stem) ||
            stem.find('.') != std::string_view::npos || state_after_comma(stem))
          break;  // the period belongs to the abbreviation
        tail.push_back(Span{last, end});
        end = last;
      } else {
        break;
      }
    }
    split_clitics(begin, end);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) emit(it->begin, it->end);
  }

  // "Russia's" -> "Russia" "'s"; "won't" -> "wo" "n't"; "we're" -> "we" "'re".
  void split_clitics(std::size_t begin, std::size_t end) {
    const std::string_view word = text_.substr(begin, end - begin);
    for (std::string_view apostrophe : {"'"sv, "\u2019"sv}) {
      for (std::string_view clitic : {"s"sv, "S"sv, "re"sv, "ve"sv, "ll"sv, "d"sv, "m"sv}) {
        const std::size_t size = apostrophe.size() + clitic.size();
        if (word.size() > size && word.substr(word.size() - size, apostrophe.size()) == apostrophe &&
            word.substr(word.size() - clitic.size()) == clitic) {
          emit(begin, end - size);
          emit(end - size, end);
          return;
        }
      }
      const std::size_t size = 2 + apostrophe.size();  // n't
      if (word.size() > size && word.substr(word.size() - size, 1) == "n" &&
          word.substr(word.size() - size + 1, apostrophe.size()) == apostrophe && word.back() == 't') {
        emit(begin, end - size);
        emit(end - size, end);
        return;
      }
    }
    emit(begin, end);
  }

  // An apostrophe opening a word that is itself a contraction or year ("'s", "'90s") is not a quote.
  bool is_contraction(std::size_t begin, std::size_t end) const {
    const std::string_view rest = text_.substr(begin + 1, end - begin - 1);
    return rest.starts_with("s") || rest.starts_with("re") || rest.starts_with("ll") ||
           (!rest.empty() && rest[0] >= '0' && rest[0] <= '9');
  }

  // The stem (a view into text_) is a state's and comes right after a comma on the same line.
  bool state_after_comma(std::string_view stem) const {
    if (!is_dotless_state(stem) || out_.empty() || slice(text_, out_.back().span) != ",") return false;
    const std::size_t comma_end = out_.back().span.end;
    const auto stem_begin = static_cast<std::size_t>(stem.data() - text_.data());
    return comma_end <= stem_begin &&
           text_.substr(comma_end, stem_begin - comma_end).find('\n') == std::string_view::npos;
  }

  std::string_view text_;
  std::vector<Token>& out_;
};

bool is_space_at(std::string_view text, std::size_t i, std::size_t* length) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
    *length = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    *length = 2;  // no-break space
    return true;
  }
  return false;
}

void tokenize_range(std::string_view text, Span range, std::vector<Token>& out) {
  ChunkTokenizer tokenizer(text, out);
  std::size_t i = range.begin;
  while (i < range.end) {
    std::size_t space = 0;
    if (is_space_at(text, i, &space)) {
      i += space;
      continue;
    }
    std::size_t chunk_end = i;
    while (chunk_end < range.end && !is_space_at(text, chunk_end, &space)) ++chunk_end;
    tokenizer.tokenize(i, chunk_end);
    i = chunk_end;
  }
}

bool is_sentence_final(std::string_view token) {
  return token == "." || token == "!" || token == "?" || token == "\u2026" || token == "...";
}

bool is_closing_mark(std::string_view token) {
  return token == "\u201D" || token == "\"" || token == "\u2019" || token == ")" || token == "'" ||
         token == "\u00BB";
}

bool opens_sentence(std::string_view token) {
  if (token.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(token[0]);
  return is_upper_initial(token) || (c >= '0' && c <= '9') || token == "\u201C" || token == "\"" ||
         token == "\u2018" || token == "(" || token == "\u00AB" || token == "'";
}

// Appends the sentences of the tokens [first, end) of one paragraph.
void split_sentences(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                     std::size_t end, std::size_t paragraph, std::vector<Sentence>& out) {
  std::size_t start = first;
  auto close = [&](std::size_t stop) {
    if (stop > start)
      out.push_back(
          Sentence{Span{tokens[start].span.begin, tokens[stop - 1].span.end}, start, stop, paragraph});
    start = stop;
  };
  for (std::size_t i = first; i < end; ++i) {
    const std::string_view token = slice(text, tokens[i].span);
    bool ends = is_sentence_final(token);
    if (!ends && token.size() > 1 && token.back() == '.' && i + 1 < end) {
      // An abbreviation kept whole ends a sentence only before a typical sentence opener.
      const std::string_view stem = token.substr(0, token.size() - 1);
      // A state's period ends one as a period of its own would, before what opens a sentence (below).
      ends = is_dotless_state(stem) ||
             (!text::is_one_of(stem, kAbbreviations) && stem.find('.') != std::string_view::npos &&
              text::is_one_of(slice(text, tokens[i + 1].span), kSentenceOpeners));
    }
    if (!ends) continue;
    std::size_t stop = i + 1;
    while (stop < end && is_closing_mark(slice(text, tokens[stop].span))) {
      // A straight quotation mark after the period closes the quotation only if the next token
      // starts a sentence; "he said. "We..." has its mark opening the next sentence.
      if (slice(text, tokens[stop].span) == "\"" && stop + 1 < end &&
          tokens[stop + 1].span.begin == tokens[stop].span.end)
        break;
      ++stop;
    }
    if (stop < end && !opens_sentence(slice(text, tokens[stop].span))) continue;
    close(stop);
    i = stop - 1;
  }
  close(end);
}

// Straight double quotes open after a space or an opening bracket and close elsewhere.
enum class MarkKind { None, Open, Close };

MarkKind quotation_mark_kind(std::string_view text, std::size_t i, std::size_t paragraph_begin, char32_t c) {
  if (c == U'\u201C' || c == U'\u00AB') return MarkKind::Open;
  if (c == U'\u201D' || c == U'\u00BB') return MarkKind::Close;
  if (c != '"') return MarkKind::None;
  if (i == paragraph_begin) return MarkKind::Open;
  const char before = text[i - 1];
  return (before == ' ' || before == '\t' || before == '\n' || before == '(' || before == '[' ||
          before == '-')
             ? MarkKind::Open
             : MarkKind::Close;
}

Span trim_spaces(std::string_view text, Span span) {
  std::size_t length = 0;
  while (span.begin < span.end && is_space_at(text, span.begin, &length)) span.begin += length;
  while (span.end > span.begin && (text[span.end - 1] == ' ' || text[span.end - 1] == '\n' ||
                                   text[span.end - 1] == '\t' || text[span.end - 1] == '\r'))
    --span.end;
  return span;
}

void find_quotations(std::string_view text, const std::vector<Paragraph>& paragraphs,
                     std::vector<Quotation>& out) {
  bool previous_ran_on = false;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const Span paragraph = paragraphs[p].span;
    constexpr std::size_t kNotOpen = static_cast<std::size_t>(-1);
    std::size_t open_at = kNotOpen;  // byte offset of the opening mark
    std::size_t open_length = 0;
    bool first_mark = true;
    bool ran_on = false;
    for (std::size_t i = paragraph.begin; i < paragraph.end;) {
      const Utf8Char c = decode_utf8(text, i);
      const MarkKind kind = quotation_mark_kind(text, i, paragraph.begin, c.code_point);
      if (kind == MarkKind::Open && open_at == kNotOpen) {
        open_at = i;
        open_length = c.length;
      } else if (kind == MarkKind::Close && open_at != kNotOpen) {
        out.push_back(Quotation{Span{open_at + open_length, i}, Span{open_at, i + c.length}, p, true,
                                first_mark && previous_ran_on && open_at == paragraph.begin});
        open_at = kNotOpen;
        first_mark = false;
      } else if (kind == MarkKind::Open && open_at != kNotOpen) {
        // A fresh opening mark before any closing one: the first quotation was never closed.
        out.push_back(Quotation{trim_spaces(text, Span{open_at + open_length, i}), Span{open_at, i}, p, false,
                                first_mark && previous_ran_on && open_at == paragraph.begin});
        open_at = i;
        open_length = c.length;
        first_mark = false;
      }
      i += c.length;
    }
    if (open_at != kNotOpen) {
      out.push_back(Quotation{trim_spaces(text, Span{open_at + open_length, paragraph.end}),
                              Span{open_at, paragraph.end}, p, false,
                              first_mark && previous_ran_on && open_at == paragraph.begin});
      ran_on = true;
    }
    previous_ran_on = ran_on;
  }
}

}  // namespace

Segments segment(const Document& document) {
  const std::string_view text = document.text;
  Segments segments;

  // Paragraphs: runs of text between line breaks.
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t stop = text.find('\n', start);
    if (stop == std::string_view::npos) stop = text.size();
    const Span paragraph = trim_spaces(text, Span{start, stop});
    if (!paragraph.empty()) segments.paragraphs.push_back(Paragraph{paragraph});
    start = stop + 1;
  }

  for (std::size_t p = 0; p < segments.paragraphs.size(); ++p) {
    Span body = segments.paragraphs[p].span;
    if (document.dateline_span && body.contains(*document.dateline_span)) {
      // The dateline is one sentence of its own, however its tokens look.
      const std::size_t first = segments.tokens.size();
      tokenize_range(text, *document.dateline_span, segments.tokens);
      if (segments.tokens.size() > first)
        segments.sentences.push_back(Sentence{*document.dateline_span, first, segments.tokens.size(), p});
      body.begin = document.dateline_span->end;
    }
    const std::size_t first = segments.tokens.size();
    tokenize_range(text, body, segments.tokens);
    split_sentences(text, segments.tokens, first, segments.tokens.size(), p, segments.sentences);
  }

  find_quotations(text, segments.paragraphs, segments.quotations);
  return segments;
}

}  // namespace newsgraph::text
