// newsgraph: news articles in, a knowledge graph of their people, organisations, places, meetings and
// claims out. This file only dispatches to the subcommands and turns errors into exit statuses:
// 1 for a failure while working, 2 for a wrong command line.
#include <exception>
#include <iostream>

#include "commands.hpp"
#include "newsgraph/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "newsgraph " NEWSGRAPH_VERSION
      ": builds a knowledge graph of the people, organisations and places in news articles,\n"
      "the meetings they held and the claims they made, every node and edge traced to its sentence.\n\n"
      "Examples:\n"
      "  newsgraph build article.txt --date 2011-09-01 -o graph.svg   one article, rendered\n"
      "  newsgraph build corpus/ -o corpus.json                        every .txt and .jsonl below corpus/\n"
      "  newsgraph tag article.txt                                     tokens, tags and entities\n",
      "newsgraph"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "newsgraph " NEWSGRAPH_VERSION);

  newsgraph::command::CommandResult result;
  newsgraph::command::add_build_command(app, result);
  newsgraph::command::add_tag_command(app, result);
  newsgraph::command::add_parse_command(app, result);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const newsgraph::Error& e) {
    std::cerr << "newsgraph: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "newsgraph: error: " << e.what() << "\n";
    return 1;
  }
  return result.exit_status;
}
