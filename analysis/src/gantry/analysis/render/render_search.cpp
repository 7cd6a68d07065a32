#include <algorithm>

#include "gantry/analysis/render/search_section.hpp"
#include "gantry/base/text.hpp"

namespace gantry::analysis {
namespace {

std::string label_of(const SearchRecord& search, int configuration) {
  auto index = static_cast<std::size_t>(configuration);
  return index < search.configurations.size() ? search.configurations[index]
                                              : "#" + std::to_string(configuration);
}

std::size_t eliminated_in(const SearchRound& round) {
  return static_cast<std::size_t>(std::count_if(
      round.decisions.begin(), round.decisions.end(),
      [](const auto& decision) { return decision.outcome == DecisionOutcome::eliminated; }));
}

// "Round 7: trainer.k=1 eliminated (Conover against trainer.k=5, Holm-adjusted p = 0.007)".
std::string elimination_line(const SearchRecord& search, const SearchRound& round,
                             const SearchDecision& decision) {
  std::string text = "round " + std::to_string(round.round + 1) + ": " +
                     label_of(search, decision.configuration) + " eliminated (";
  std::string against = decision.against ? label_of(search, *decision.against) : "the best";
  switch (decision.test) {
    case DecisionTest::conover:
      text += "Conover against " + against + ", Holm-adjusted " + format_p(*decision.p_adjusted);
      break;
    case DecisionTest::wilcoxon:
      text += "Wilcoxon signed-rank against " + against + ", " + format_p(*decision.p_value);
      break;
    case DecisionTest::median:
      text += "median " + format_number(decision.median) + " not among the best";
      break;
  }
  return text + ")";
}

// Halving eliminates most configurations at its first rung: one line a rung, a few names.
std::string rung_line(const SearchRecord& search, const SearchRound& round) {
  constexpr std::size_t kNamed = 3;
  std::vector<std::string> names;
  for (const SearchDecision& decision : round.decisions) {
    if (decision.outcome == DecisionOutcome::eliminated) {
      names.push_back(label_of(search, decision.configuration));
    }
  }
  std::size_t kept = round.decisions.size() - names.size();
  std::string text = "round " + std::to_string(round.round + 1) + " (length " + round.length +
                     "): the " + std::to_string(kept) + " with the lowest median went on; " +
                     std::to_string(names.size()) + " eliminated";
  if (names.size() > kNamed) {
    std::size_t more = names.size() - kNamed;
    names.resize(kNamed);
    names.push_back("and " + std::to_string(more) + " more");
  }
  return text + (names.empty() ? "" : ": " + join(names, ", "));
}

void write_eliminations(TextWriter& writer, const SearchRecord& search) {
  std::vector<std::string> lines;
  for (const SearchRound& round : search.rounds) {
    if (round.test == RoundTest::median) {
      if (eliminated_in(round) > 0) lines.push_back(rung_line(search, round));
      continue;
    }
    for (const SearchDecision& decision : round.decisions) {
      if (decision.outcome == DecisionOutcome::eliminated) {
        lines.push_back(elimination_line(search, round, decision));
      }
    }
  }
  writer.list(lines);
}

std::string direction(const SearchHeader& header) {
  return header.maximize ? "higher is better" : "lower is better";
}

std::string spent_line(const SearchRecord& search) {
  std::string text = search.state == SearchState::ended && search.end
                         ? std::string("Ended: ") + end_sentence(*search.end) + ". "
                         : std::string("Still searching (rerun its command to continue). ");
  text += std::to_string(search.runs_spent) + " runs spent, against " +
          std::to_string(search.header.grid_runs) + " for every configuration on every seed";
  if (search.header.strategy == SearchStrategy::halving) {
    text += " at full length (the rounds' lengths say what the shorter runs cost)";
  } else if (search.runs_spent < search.header.grid_runs) {
    text += " (" + std::to_string(search.header.grid_runs - search.runs_spent) + " saved)";
  }
  if (search.header.budget) text += "; budget " + std::to_string(*search.header.budget);
  return text + ".";
}

TextTable rounds_table(const SearchRecord& search) {
  bool lengths = search.header.strategy == SearchStrategy::halving;
  TextTable table;
  table.header = {"round", "seeds"};
  table.left_columns = 2;
  if (lengths) table.header.push_back("length");
  for (const char* column : {"alive", "runs", "test", "p", "eliminated"}) {
    table.header.push_back(column);
  }
  for (const SearchRound& round : search.rounds) {
    std::vector<std::string> row{std::to_string(round.round + 1), round.seeds};
    if (lengths) row.push_back(round.length);
    row.push_back(std::to_string(round.alive));
    row.push_back(std::to_string(round.runs));
    row.push_back(round_test_text(round.test));
    row.push_back(round.p_value ? format_number(*round.p_value, 3) : "-");
    row.push_back(std::to_string(eliminated_in(round)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string survivors_line(const SearchRecord& search) {
  std::vector<std::string> alive;
  for (std::size_t i = 0; i < search.configurations.size(); ++i) {
    if (!search.eliminated[i]) alive.push_back(search.configurations[i]);
  }
  return (search.state == SearchState::ended ? "Survivors: " : "Alive: ") + join(alive, ", ");
}

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json decision_json(const SearchRecord& search, const SearchDecision& decision) {
  return {{"configuration", decision.configuration},
          {"settings", label_of(search, decision.configuration)},
          {"outcome", outcome_text(decision.outcome)},
          {"against", decision.against ? nlohmann::json(*decision.against) : nullptr},
          {"test", decision_test_text(decision.test)},
          {"statistic", optional_number(decision.statistic)},
          {"p_value", optional_number(decision.p_value)},
          {"p_adjusted", optional_number(decision.p_adjusted)},
          {"median", optional_number(decision.median)}};
}

nlohmann::json search_json(const SweepSearch& sweep) {
  const SearchRecord& search = sweep.record;
  nlohmann::json configurations = nlohmann::json::array();
  for (std::size_t i = 0; i < search.configurations.size(); ++i) {
    configurations.push_back(
        {{"index", i},
         {"settings", search.configurations[i]},
         {"eliminated_in",
          search.eliminated[i] ? nlohmann::json(*search.eliminated[i]) : nullptr}});
  }
  nlohmann::json rounds = nlohmann::json::array();
  for (const SearchRound& round : search.rounds) {
    nlohmann::json decisions = nlohmann::json::array();
    for (const auto& decision : round.decisions)
      decisions.push_back(decision_json(search, decision));
    rounds.push_back(
        {{"round", round.round},
         {"seeds", round.seeds},
         {"length", round.length.empty() ? nlohmann::json(nullptr) : nlohmann::json(round.length)},
         {"alive", round.alive},
         {"runs", round.runs},
         {"test", round_test_text(round.test)},
         {"statistic", optional_number(round.statistic)},
         {"p_value", optional_number(round.p_value)},
         {"decisions", decisions}});
  }
  return {{"sweep", sweep.sweep},
          {"strategy", strategy_text(search.header.strategy)},
          {"metric", search.header.metric},
          {"maximize", search.header.maximize},
          {"alpha", search.header.alpha},
          {"budget", search.header.budget ? nlohmann::json(*search.header.budget) : nullptr},
          {"state", search.state == SearchState::ended ? "ended" : "searching"},
          {"end_reason", search.end ? nlohmann::json(end_text(*search.end)) : nullptr},
          {"runs_spent", search.runs_spent},
          {"grid_runs", search.header.grid_runs},
          {"configurations", configurations},
          {"rounds", rounds}};
}

}  // namespace

void write_search_sections(TextWriter& writer, const Report& report) {
  for (const SweepSearch& sweep : report.searches) {
    const SearchRecord& search = sweep.record;
    writer.heading("Search '" + sweep.sweep + "': " + strategy_text(search.header.strategy) +
                   " on " + search.header.metric + " (" + direction(search.header) + "), alpha " +
                   format_number(search.header.alpha, 3));
    writer.line(spent_line(search));
    if (!search.rounds.empty()) writer.plain_table(rounds_table(search));
    write_eliminations(writer, search);
    writer.line(survivors_line(search));
  }
}

nlohmann::json searches_json(const Report& report) {
  nlohmann::json searches = nlohmann::json::array();
  for (const SweepSearch& sweep : report.searches) searches.push_back(search_json(sweep));
  return searches;
}

void write_search_csv(std::ostream& out, const Report& report) {
  auto row = [&](const std::string& section, const std::string& sweep, const std::string& round,
                 const std::string& configuration, const std::string& statistic,
                 const std::string& value) {
    out << section << ',' << csv_field(sweep) << ",," << round << ',' << csv_field(configuration)
        << ',' << statistic << ',' << csv_field(value) << '\n';
  };
  auto number = [](const std::optional<double>& value) {
    return value ? format_exact(*value) : std::string();
  };
  for (const SweepSearch& sweep : report.searches) {
    const SearchRecord& s = sweep.record;
    row("search", sweep.sweep, "", "", "strategy", strategy_text(s.header.strategy));
    row("search", sweep.sweep, "", "", "metric", s.header.metric);
    row("search", sweep.sweep, "", "", "state",
        s.state == SearchState::ended ? "ended" : "searching");
    row("search", sweep.sweep, "", "", "end_reason", s.end ? end_text(*s.end) : "");
    row("search", sweep.sweep, "", "", "runs_spent", std::to_string(s.runs_spent));
    row("search", sweep.sweep, "", "", "grid_runs", std::to_string(s.header.grid_runs));
    for (const SearchRound& round : s.rounds) {
      std::string r = std::to_string(round.round);
      row("search_round", sweep.sweep, r, "", "seeds", round.seeds);
      row("search_round", sweep.sweep, r, "", "alive", std::to_string(round.alive));
      row("search_round", sweep.sweep, r, "", "runs", std::to_string(round.runs));
      row("search_round", sweep.sweep, r, "", "test", round_test_text(round.test));
      row("search_round", sweep.sweep, r, "", "p_value", number(round.p_value));
      for (const SearchDecision& decision : round.decisions) {
        std::string c = label_of(s, decision.configuration);
        row("search_decision", sweep.sweep, r, c, "outcome", outcome_text(decision.outcome));
        row("search_decision", sweep.sweep, r, c, "p_adjusted", number(decision.p_adjusted));
        row("search_decision", sweep.sweep, r, c, "median", number(decision.median));
      }
    }
  }
}

}  // namespace gantry::analysis
