#include "newsgraph/graph/assemble.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace newsgraph::graph {
namespace {

NodeType node_type(tag::EntityType type) {
  switch (type) {
    case tag::EntityType::Person: return NodeType::Person;
    case tag::EntityType::Organization: return NodeType::Organization;
    case tag::EntityType::Place: return NodeType::Place;
  }
  return NodeType::Person;
}

std::string entity_id(const resolve::Entity& entity) {
  return std::string(to_string(node_type(entity.type))) + ":" + slug(entity.name);
}

// "Ryabkov–Tauscher meeting, St. Petersburg, 2011-08-12": who (surnames of people, names of the
// rest), what, where, when.
std::string meeting_label(const extract::Meeting& meeting, const resolve::Entities& entities) {
  std::string label;
  for (const std::size_t p : meeting.participants) {
    const resolve::Entity& entity = entities.entities[p];
    std::string_view name = entity.name;
    if (entity.type == tag::EntityType::Person && name.rfind(' ') != std::string_view::npos)
      name = name.substr(name.rfind(' ') + 1);
    // A long name's acronym, where the article gives one ("MGIMO").
    for (const std::string& alias : entity.aliases)
      if (entity.type == tag::EntityType::Organization && name.size() > 24 && alias.size() >= 2 &&
          std::all_of(alias.begin(), alias.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        name = alias;
    if (!label.empty()) label += "\u2013";
    label += name;
  }
  std::string kind = meeting.kind;
  if (kind == "met" || kind == "meet" || kind == "meets" || kind == "gathered" || kind.starts_with("held") ||
      kind.starts_with("hold"))
    kind = "meeting";
  label += " " + kind;
  if (meeting.place) label += ", " + entities.entities[*meeting.place].name;
  if (meeting.date) label += ", " + *meeting.date;
  if (meeting.planned) label += " (planned)";
  return label;
}

}  // namespace

std::string slug(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

CorpusNames corpus_names(const std::vector<Analysis>& analyses, const resolve::UserAliases* user_aliases) {
  CorpusNames names;
  // Names with middle initials, by the name without them.
  std::map<std::string, std::set<std::string>> initialled_names;
  for (const Analysis& analysis : analyses)
    for (const auto& entity : analysis.entities.entities)
      if (entity.type == tag::EntityType::Person)
        if (std::string bare = resolve::without_middle_initials(entity.name); bare != entity.name)
          initialled_names[std::move(bare)].insert(entity.name);
  for (const auto& [bare, initialled] : initialled_names)
    if (initialled.size() == 1 && !(user_aliases && user_aliases->never_same(bare, *initialled.begin())))
      names.full_name_of_bare_name.emplace(bare, *initialled.begin());
  // "V. Putin": an initial for a first name stands for the "First Last" name of the corpus that
  // begins with that letter and ends with that surname, when it is the only one or so much the
  // commonest that a reader would take it so (not "Valdimir Putin", a slip of a few articles).
  constexpr std::size_t kDominance = 5;
  const auto is_initialled = [](const std::string& name) {
    return name.size() >= 4 && name[1] == '.' && name[2] == ' ' && name.find(' ', 3) == std::string::npos;
  };
  std::set<std::string> initialled;
  std::map<std::string, std::size_t> first_last;  // by the number of articles that use it
  for (const Analysis& analysis : analyses)
    for (const auto& entity : analysis.entities.entities)
      if (entity.type == tag::EntityType::Person) {
        if (is_initialled(entity.name))
          initialled.insert(entity.name);
        else if (std::count(entity.name.begin(), entity.name.end(), ' ') == 1)
          ++first_last[entity.name];
      }
  for (const std::string& name : initialled) {
    std::vector<std::pair<std::size_t, std::string>> candidates;
    for (const auto& [full, articles] : first_last)
      if (full[0] == name[0] && full.ends_with(name.substr(2))) candidates.emplace_back(articles, full);
    std::sort(candidates.rbegin(), candidates.rend());
    if (candidates.empty() ||
        (candidates.size() > 1 && candidates[0].first < kDominance * candidates[1].first))
      continue;
    if (!(user_aliases && user_aliases->never_same(name, candidates[0].second)))
      names.full_name_of_bare_name.emplace(name, candidates[0].second);
  }
  const auto full_name = [&](const std::string& name) {
    const auto found = names.full_name_of_bare_name.find(name);
    return found == names.full_name_of_bare_name.end() ? name : found->second;
  };

  // How many articles use each full name, by surname.
  std::map<std::string, std::map<std::string, std::size_t>> full_names_by_surname;
  for (const Analysis& analysis : analyses)
    for (const auto& entity : analysis.entities.entities)
      if (entity.type == tag::EntityType::Person && entity.name.find(' ') != std::string::npos)
        ++full_names_by_surname[entity.name.substr(entity.name.rfind(' ') + 1)][full_name(entity.name)];
  // A surname stands for a full name when that name is the only one, or so much the commonest that a
  // reader would take the surname alone for it (Putin for Vladimir Putin, not Lyudmila Putin).
  for (const auto& [surname, counts] : full_names_by_surname) {
    std::string best;
    std::size_t best_count = 0, runner_up = 0;
    for (const auto& [name, count] : counts) {
      if (count > best_count) {
        runner_up = best_count;
        best = name;
        best_count = count;
      } else if (count > runner_up) {
        runner_up = count;
      }
    }
    const bool forbidden = user_aliases && user_aliases->never_same(best, surname);
    if (!forbidden && (runner_up == 0 || best_count >= kDominance * runner_up))
      names.full_name_of_surname.emplace(surname, best);
  }

  // The types each name of two or more words is given, one vote per article.
  std::map<std::string, std::map<tag::EntityType, std::size_t>> types_by_name;
  for (const Analysis& analysis : analyses)
    for (const auto& entity : analysis.entities.entities)
      if (entity.name.find(' ') != std::string::npos) ++types_by_name[entity.name][entity.type];
  for (const auto& [name, counts] : types_by_name) {
    if (counts.size() < 2) continue;
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    const bool dominant = std::all_of(counts.begin(), counts.end(), [&](const auto& other) {
      return other.first == best->first || best->second >= kDominance * other.second;
    });
    if (dominant) names.type_of_name.emplace(name, best->first);
  }
  names.user_aliases = user_aliases;
  return names;
}

void assemble(Graph& graph, const Document& document, const Analysis& analysis, const CorpusNames& names) {
  graph.add_document(
      DocumentInfo{document.id, document.date, document.source, document.dateline, document.title});
  // The stages read the title and the text as one (analysis.text); evidence points into either.
  const auto evidence = [&](Span span) {
    if (span.begin >= analysis.body_offset)
      return Evidence{document.id, Span{span.begin - analysis.body_offset, span.end - analysis.body_offset},
                      false};
    return Evidence{document.id, span, true};
  };

  std::vector<std::string> ids;
  for (resolve::Entity entity : analysis.entities.entities) {
    if (const auto type = names.type_of_name.find(entity.name); type != names.type_of_name.end())
      entity.type = type->second;
    // "Putin" in an article that never gives his first name is the corpus's one "Vladimir Putin".
    if (entity.type == tag::EntityType::Person && entity.name.find(' ') == std::string::npos)
      if (const auto full = names.full_name_of_surname.find(entity.name);
          full != names.full_name_of_surname.end()) {
        entity.aliases.push_back(entity.name);
        entity.name = full->second;
      }
    // "George Bush" in one article, "George W. Bush" in another: one person.
    if (entity.type == tag::EntityType::Person)
      if (const auto full = names.full_name_of_bare_name.find(entity.name);
          full != names.full_name_of_bare_name.end()) {
        entity.aliases.push_back(entity.name);
        entity.name = full->second;
      }
    // The user's own knowledge: "same  Vladimir Putin  V. Putin".
    if (names.user_aliases)
      if (const std::string& canonical = names.user_aliases->canonical_name(entity.name);
          canonical != entity.name) {
        entity.aliases.push_back(entity.name);
        entity.name = canonical;
      }
    Node node;
    node.id = entity_id(entity);
    node.type = node_type(entity.type);
    node.label = entity.name;
    node.aliases = entity.aliases;
    for (const std::size_t m : entity.mentions)
      node.evidence.push_back(evidence(analysis.tagging.mentions[m].span));
    for (const std::size_t d : entity.demonyms)
      node.evidence.push_back(evidence(analysis.tagging.demonyms[d].span));
    // "he", "the Russian minister": what stands for the person is an alias too, with its evidence.
    for (const Span span : entity.references) {
      const std::string written(slice(analysis.text, span));
      if (std::find(node.aliases.begin(), node.aliases.end(), written) == node.aliases.end())
        node.aliases.push_back(written);
      node.evidence.push_back(evidence(span));
    }
    graph.add_node(std::move(node));
    ids.push_back(entity_id(entity));
  }

  for (const extract::Role& role : analysis.roles)
    graph.add_edge(ids[role.person], ids[role.owner],
                   Edge{Relation::Role, role.title, {evidence(role.evidence)}});

  std::vector<std::string> claim_ids;
  for (std::size_t c = 0; c < analysis.claims.size(); ++c) {
    const extract::Claim& claim = analysis.claims[c];
    Node node;
    node.id = "claim:" + document.id + ":" + std::to_string(c + 1);
    node.type = NodeType::Claim;
    node.text = claim.aside.empty()
                    ? std::string(slice(analysis.text, claim.content))
                    : std::string(slice(analysis.text, Span{claim.content.begin, claim.aside.begin})) + " " +
                          std::string(slice(analysis.text, Span{claim.aside.end, claim.content.end}));
    node.label = node.text;
    node.quote = claim.quote;
    node.cue = std::string(slice(analysis.text, claim.cue));
    node.negative = claim.negative;
    node.date = claim.date;
    node.evidence.push_back(evidence(claim.content));
    const std::string claim_id = node.id;
    graph.add_node(std::move(node));
    if (claim.speaker)
      graph.add_edge(ids[*claim.speaker], claim_id, Edge{Relation::Said, "", {evidence(claim.attribution)}});
    for (const std::size_t joint : claim.joint_speakers)
      graph.add_edge(ids[joint], claim_id, Edge{Relation::Said, "", {evidence(claim.attribution)}});
    for (const std::size_t m : claim.mentioned) {
      const tag::Mention& mention = analysis.tagging.mentions[m];
      graph.add_edge(claim_id, ids[analysis.entities.entity_of_mention[m]],
                     Edge{Relation::Mentions, "", {evidence(mention.span)}});
    }
    claim_ids.push_back(claim_id);
  }

  for (std::size_t m = 0; m < analysis.meetings.size(); ++m) {
    const extract::Meeting& meeting = analysis.meetings[m];
    Node node;
    node.id = "meeting:" + document.id + ":" + std::to_string(m + 1);
    node.type = NodeType::Meeting;
    node.label = meeting_label(meeting, analysis.entities);
    node.date = meeting.date;
    node.status = meeting.planned ? "planned" : "held";
    for (const Span span : meeting.evidence) node.evidence.push_back(evidence(span));
    const std::string meeting_id = node.id;
    graph.add_node(std::move(node));
    const std::vector<Evidence> where{evidence(meeting.evidence.front())};
    for (const std::size_t participant : meeting.participants)
      graph.add_edge(ids[participant], meeting_id, Edge{Relation::Participant, "", where});
    if (meeting.place) graph.add_edge(meeting_id, ids[*meeting.place], Edge{Relation::HeldIn, "", where});
    for (std::size_t c = 0; c < analysis.claims.size(); ++c)
      if (analysis.said_at[c] == m)
        graph.add_edge(claim_ids[c], meeting_id,
                       Edge{Relation::SaidAt, "", {evidence(analysis.claims[c].content)}});
  }
}

}  // namespace newsgraph::graph
