// `newsgraph build`: articles in, one graph out (JSON, DOT, SVG or PNG).
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "commands.hpp"
#include "newsgraph/error.hpp"
#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/pipeline.hpp"
#include "newsgraph/read/read.hpp"
#include "newsgraph/resolve/aliases.hpp"
#include "newsgraph/tag/tagger.hpp"
#include "newsgraph/write/write.hpp"

namespace newsgraph::command {
namespace {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string format;
  std::string date;
  std::string tagger_model;
  std::string aliases;
  std::vector<std::string> lexicons;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  bool quiet = false;
};

// Reports progress on stderr for runs long enough to want it: a rewritten line on a terminal,
// a line every tenth of the way elsewhere.
class ProgressReporter {
 public:
  ProgressReporter(bool enabled) : enabled_(enabled), terminal_(isatty(STDERR_FILENO) != 0) {}

  void operator()(std::size_t done, std::size_t total) {
    if (!enabled_ || total < 50) return;
    if (terminal_) {
      std::cerr << "\rnewsgraph: analysed " << done << " of " << total << " articles"
                << (done == total ? "\n" : "") << std::flush;
    } else if (done * 10 / total != (done - 1) * 10 / total) {
      std::cerr << "newsgraph: analysed " << done << " of " << total << " articles\n";
    }
  }

 private:
  bool enabled_;
  bool terminal_;
};

write::Format choose_format(const BuildOptions& options) {
  if (!options.format.empty()) {
    if (const auto format = write::parse_format(options.format)) return *format;
    throw CLI::ValidationError("--format", "must be json, dot, svg or png, found " + options.format);
  }
  if (!options.output.empty()) {
    if (const auto format = write::format_of_path(options.output)) return *format;
    throw CLI::ValidationError("--output", "cannot tell the format from \"" + options.output +
                                               "\": end it in .json, .dot, .svg or .png, or give --format");
  }
  return write::Format::Json;
}

int run_build(const BuildOptions& options) {
  const write::Format format = choose_format(options);
  read::ReadOptions read_options;
  if (!options.date.empty()) read_options.date = options.date;
  const read::ReadResult input = read::read_articles(options.inputs, read_options, std::cin);
  for (const auto& problem : input.problems) std::cerr << "newsgraph: error: " << problem << "\n";
  if (input.documents.empty()) throw InputError("no article could be read, so no graph was written");

  // The user's word lists join the built-in ones before any of them is used.
  for (const std::string& path : options.lexicons) lexicon::add_user_lexicon(read_input(path), path);
  std::optional<tag::Tagger> user_tagger;
  if (!options.tagger_model.empty()) user_tagger.emplace(tag::Tagger::load_file(options.tagger_model));
  Models models = embedded_models();
  if (user_tagger) models.tagger = &*user_tagger;
  std::optional<resolve::UserAliases> user_aliases;
  if (!options.aliases.empty()) {
    user_aliases.emplace(resolve::read_user_aliases(read_input(options.aliases), options.aliases));
    models.user_aliases = &*user_aliases;
  }

  ProgressReporter progress(!options.quiet);
  const graph::Graph graph = build_graph(input.documents, models, options.threads, std::ref(progress));

  if (options.output.empty() || options.output == "-") {
    write::write_graph(graph, format, std::cout);
    std::cout.flush();
  } else {
    // Written to memory first so that a failed render leaves no half-written file behind.
    std::ostringstream bytes;
    write::write_graph(graph, format, bytes);
    std::ofstream out(options.output, std::ios::binary);
    if (!out || !(out << bytes.str()) || !out.flush())
      throw Error(options.output + ": cannot write the graph to this file");
  }
  if (!options.quiet) {
    const auto& g = graph.boost_graph();
    std::cerr << "newsgraph: " << input.documents.size() << " article"
              << (input.documents.size() == 1 ? "" : "s") << " -> " << boost::num_vertices(g) << " nodes, "
              << boost::num_edges(g) << " edges" << (options.output.empty() ? "" : " in " + options.output)
              << "\n";
  }
  return input.problems.empty() ? 0 : 1;
}

}  // namespace

void add_build_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<BuildOptions>();
  CLI::App* build = app.add_subcommand(
      "build",
      "Build the graph of one or more articles.\n\n"
      "INPUT is a .txt article (a wire dateline such as \"MOSCOW, September 1 (Itar-Tass) —\" gives its\n"
      "place, source and date), a .jsonl file with one article a line ({\"id\", \"text\", and optional\n"
      "\"date\", \"source\", \"title\", \"dateline\"}), a directory (every .txt and .jsonl below it), or - "
      "for\n"
      "standard input. Many inputs make one merged graph. A bad article is reported with its file and\n"
      "line and skipped; the rest is still written, and the exit status is 1.\n\n"
      "Examples:\n"
      "  newsgraph build article.txt --date 2011-09-01 -o article.svg\n"
      "  newsgraph build corpus.jsonl -o corpus.json\n"
      "  cat article.txt | newsgraph build - --format dot | dot -Tpng -o article.png");
  build->add_option("INPUT", options->inputs, "articles: .txt or .jsonl files, directories, or - for stdin")
      ->required();
  build->add_option("-o,--output", options->output,
                    "where to write the graph; its extension (.json .dot .svg .png) picks the format "
                    "(default: JSON on stdout)");
  build->add_option("--format", options->format, "json, dot, svg or png, whatever the output's name");
  build
      ->add_option("--date", options->date,
                   "YYYY-MM-DD: the date of articles that give none, for resolving \"on Friday\"")
      ->check(iso_date_problem);
  build->add_option("--aliases", options->aliases,
                    "a tab-separated file of what you know about names: 'same NAME OTHER', 'never NAME "
                    "OTHER', 'name person|organization|place NAME' rows after the line "
                    "'# newsgraph-lexicon 1 aliases'");
  build->add_option("--lexicon", options->lexicons,
                    "a file of your own rows for a built-in word list, in its form: its first line "
                    "'# newsgraph-lexicon 1 titles' (or reporting-cues, meeting-triggers, parties, first-names), then "
                    "rows such as 'Ombudsman<TAB>head' or 'harrumphed<TAB>verb'; may be repeated");
  build->add_option("--model", options->tagger_model,
                    "a tagger model file made by train_tagger, instead of the one built in");
  build->add_option("--threads", options->threads, "articles analysed at once (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  build->add_flag("-q,--quiet", options->quiet, "no progress or summary on stderr");
  build->callback([options, &result] { result.exit_status = run_build(*options); });
}

}  // namespace newsgraph::command
