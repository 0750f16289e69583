#include "newsgraph/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <mutex>
#include <thread>

#include "newsgraph/graph/assemble.hpp"
#include "newsgraph/parse/parser.hpp"
#include "newsgraph/tag/tagger.hpp"

namespace newsgraph {

Models embedded_models() {
  // The two models load side by side: loading them is most of the time a single article takes.
  auto parser = std::async(std::launch::async, [] { return &parse::Parser::embedded(); });
  const tag::Tagger* tagger = &tag::Tagger::embedded();
  return Models{tagger, parser.get(), nullptr};
}

Analysis analyse(const Document& document, const Models& models) {
  Analysis analysis;
  Document analysed = document;
  if (document.title && !document.title->empty()) {
    analysis.body_offset = document.title->size() + 2;
    analysed.text = *document.title + "\n\n" + document.text;
    if (analysed.dateline_span)
      analysed.dateline_span = Span{analysed.dateline_span->begin + analysis.body_offset,
                                    analysed.dateline_span->end + analysis.body_offset};
  }
  analysis.segments = text::segment(analysed);
  analysis.tagging = tag::tag_document(analysed, analysis.segments, *models.tagger, models.user_aliases);
  analysis.entities = resolve::resolve_entities(analysed, analysis.segments, analysis.tagging);
  analysis.times = time::find_time_expressions(analysed, analysis.segments);
  // Parsing is the slowest stage per word: only the sentences the extract stages read through
  // syntax are parsed.
  std::vector<bool> wanted = extract::sentences_with_cues(analysed.text, analysis.segments);
  const std::vector<bool> with_meetings =
      extract::sentences_with_meeting_words(analysed.text, analysis.segments);
  const std::vector<bool> with_titles =
      extract::sentences_with_titles(analysed.text, analysis.segments, analysis.tagging);
  for (std::size_t s = 0; s < wanted.size(); ++s) wanted[s] = wanted[s] || with_meetings[s] || with_titles[s];
  analysis.trees = parse::parse_sentences(analysed.text, analysis.segments, wanted, *models.parser);
  analysis.roles = extract::extract_roles(analysed, analysis.segments, analysis.tagging, analysis.entities,
                                          analysis.trees);
  analysis.claims = extract::extract_claims(analysed, analysis.segments, analysis.tagging, analysis.entities,
                                            analysis.times, analysis.trees);
  analysis.meetings =
      extract::extract_meetings(analysed, analysis.segments, analysis.tagging, analysis.entities,
                                analysis.times, analysis.trees, analysis.claims, analysis.said_at);
  analysis.text = std::move(analysed.text);
  return analysis;
}

graph::Graph build_graph(const std::vector<Document>& documents, const Models& models, unsigned threads,
                         const Progress& progress) {
  std::vector<Analysis> analyses(documents.size());
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex mutex;
  std::exception_ptr failure;
  const auto work = [&] {
    for (std::size_t i = next++; i < documents.size(); i = next++) {
      try {
        analyses[i] = analyse(documents[i], models);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        next = documents.size();
        return;
      }
      const std::size_t finished = ++done;
      if (progress) {
        const std::lock_guard lock(mutex);
        progress(finished, documents.size());
      }
    }
  };
  const unsigned workers = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(documents.size())));
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);

  graph::Graph graph;
  const graph::CorpusNames names = graph::corpus_names(analyses, models.user_aliases);
  for (std::size_t i = 0; i < documents.size(); ++i) graph::assemble(graph, documents[i], analyses[i], names);
  return graph;
}

}  // namespace newsgraph
