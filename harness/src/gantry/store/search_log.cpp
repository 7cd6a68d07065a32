#include "gantry/store/search_log.hpp"

#include <mutex>

#include "gantry/base/system.hpp"

namespace gantry {
namespace {

sqlite::Value optional_value(const std::optional<double>& value) {
  return value ? sqlite::Value{*value} : sqlite::Value{};
}

sqlite::Value optional_value(const std::optional<int>& value) {
  return value ? sqlite::Value{std::int64_t{*value}} : sqlite::Value{};
}

std::optional<double> optional_double(const sqlite::Statement& row, int column) {
  return row.column_number(column);
}

void insert_decisions(sqlite::Connection& connection, std::int64_t sweep_id,
                      const SearchRound& round) {
  sqlite::Statement insert(connection,
                           "INSERT INTO search_decisions (sweep_id, round, configuration, outcome, "
                           "against, test, statistic, p_value, p_adjusted, median) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  sqlite::Statement eliminate(connection,
                              "UPDATE search_configurations SET eliminated_in = ?3 "
                              "WHERE sweep_id = ?1 AND configuration = ?2");
  for (const SearchDecision& decision : round.decisions) {
    insert.bind(1, sweep_id)
        .bind(2, round.round)
        .bind(3, decision.configuration)
        .bind(4, outcome_text(decision.outcome))
        .bind(5, optional_value(decision.against))
        .bind(6, decision_test_text(decision.test))
        .bind(7, optional_value(decision.statistic))
        .bind(8, optional_value(decision.p_value))
        .bind(9, optional_value(decision.p_adjusted))
        .bind(10, optional_value(decision.median))
        .run();
    if (decision.outcome == DecisionOutcome::eliminated) {
      eliminate.bind(1, sweep_id).bind(2, decision.configuration).bind(3, round.round).run();
    }
  }
}

}  // namespace

namespace {

void insert_configurations(sqlite::Connection& connection, std::int64_t sweep_id,
                           const std::vector<std::string>& configurations) {
  sqlite::Statement forget(connection, "DELETE FROM search_configurations WHERE sweep_id = ?1");
  forget.bind(1, sweep_id).run();
  sqlite::Statement insert(connection,
                           "INSERT INTO search_configurations (sweep_id, configuration, settings) "
                           "VALUES (?1, ?2, ?3)");
  for (std::size_t i = 0; i < configurations.size(); ++i) {
    insert.bind(1, sweep_id).bind(2, static_cast<std::int64_t>(i)).bind(3, configurations[i]).run();
  }
}

bool has_rounds(sqlite::Connection& connection, std::int64_t sweep_id) {
  sqlite::Statement select(connection, "SELECT 1 FROM search_rounds WHERE sweep_id = ?1 LIMIT 1");
  select.bind(1, sweep_id);
  return select.step();
}

}  // namespace

std::string SearchLog::ensure(std::int64_t sweep_id, const SearchHeader& header,
                              const std::vector<std::string>& configurations) {
  std::lock_guard lock(db_.mutex_);
  sqlite::Connection& connection = db_.connection_;
  sqlite::Transaction transaction(connection);
  // A search that has decided no round yet (its first round failed, or named a metric its runs
  // do not record) may be started again with another definition: nothing of it is lost but its
  // header, and its runs stay ordinary runs of the sweep.
  bool replace = !has_rounds(connection, sweep_id);
  sqlite::Statement upsert(
      connection,
      std::string(
          "INSERT INTO searches (sweep_id, strategy, metric, maximize, alpha, budget, "
          "definition, created_at, state, grid_runs) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'searching', ?9) ON CONFLICT (sweep_id) ") +
          (replace ? "DO UPDATE SET strategy = excluded.strategy, metric = excluded.metric, "
                     "maximize = excluded.maximize, alpha = excluded.alpha, budget = "
                     "excluded.budget, definition = excluded.definition, grid_runs = "
                     "excluded.grid_runs"
                   : "DO NOTHING"));
  upsert.bind(1, sweep_id)
      .bind(2, strategy_text(header.strategy))
      .bind(3, header.metric)
      .bind(4, header.maximize ? 1 : 0)
      .bind(5, header.alpha)
      .bind(6, header.budget ? sqlite::Value{*header.budget} : sqlite::Value{})
      .bind(7, header.definition)
      .bind(8, utc_timestamp())
      .bind(9, header.grid_runs)
      .run();
  if (replace) insert_configurations(connection, sweep_id, configurations);
  sqlite::Statement select(connection, "SELECT definition FROM searches WHERE sweep_id = ?1");
  select.bind(1, sweep_id);
  select.step();
  std::string recorded = select.column_text(0);
  transaction.commit();
  return recorded;
}

std::optional<std::string> SearchLog::definition(std::int64_t sweep_id) {
  std::lock_guard lock(db_.mutex_);
  sqlite::Statement select(db_.connection_, "SELECT definition FROM searches WHERE sweep_id = ?1");
  select.bind(1, sweep_id);
  if (!select.step()) return std::nullopt;
  return select.column_text(0);
}

bool SearchLog::has_runs(std::int64_t sweep_id) {
  std::lock_guard lock(db_.mutex_);
  sqlite::Statement select(db_.connection_, "SELECT count(*) FROM runs WHERE sweep_id = ?1");
  select.bind(1, sweep_id);
  return select.step() && select.column_int(0) > 0;
}

void SearchLog::record_round(std::int64_t sweep_id, const SearchRound& round,
                             std::int64_t runs_spent) {
  std::lock_guard lock(db_.mutex_);
  sqlite::Connection& connection = db_.connection_;
  sqlite::Transaction transaction(connection);
  sqlite::Statement forget(connection,
                           "DELETE FROM search_decisions WHERE sweep_id = ?1 AND round = ?2");
  forget.bind(1, sweep_id).bind(2, round.round).run();
  sqlite::Statement upsert(
      connection,
      "INSERT OR REPLACE INTO search_rounds (sweep_id, round, seeds, length, alive, runs, test, "
      "statistic, p_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  upsert.bind(1, sweep_id)
      .bind(2, round.round)
      .bind(3, round.seeds)
      .bind(4, round.length.empty() ? sqlite::Value{} : sqlite::Value{round.length})
      .bind(5, round.alive)
      .bind(6, round.runs)
      .bind(7, round_test_text(round.test))
      .bind(8, optional_value(round.statistic))
      .bind(9, optional_value(round.p_value))
      .run();
  insert_decisions(connection, sweep_id, round);
  sqlite::Statement spent(connection, "UPDATE searches SET runs_spent = ?2 WHERE sweep_id = ?1");
  spent.bind(1, sweep_id).bind(2, runs_spent).run();
  transaction.commit();
}

void SearchLog::record_end(std::int64_t sweep_id, SearchEnd end, std::int64_t runs_spent) {
  std::lock_guard lock(db_.mutex_);
  sqlite::Statement update(db_.connection_,
                           "UPDATE searches SET state = 'ended', end_reason = ?2, runs_spent = ?3 "
                           "WHERE sweep_id = ?1");
  update.bind(1, sweep_id).bind(2, end_text(end)).bind(3, runs_spent).run();
}

std::unordered_map<std::string, RecordedValue> SearchLog::metric_values(std::int64_t sweep_id,
                                                                        const std::string& metric) {
  std::lock_guard lock(db_.mutex_);
  sqlite::Statement select(db_.connection_,
                           "SELECT r.identity, r.status, s.value FROM runs r LEFT JOIN summaries s "
                           "ON s.run_id = r.id AND s.key = ?2 WHERE r.sweep_id = ?1");
  select.bind(1, sweep_id).bind(2, metric);
  std::unordered_map<std::string, RecordedValue> values;
  while (select.step()) {
    RecordedValue value{parse_status(select.column_text(1)).value_or(RecordedStatus::running),
                        select.column_number(2)};
    values.emplace(select.column_text(0), value);
  }
  return values;
}

std::vector<std::string> SearchLog::summary_keys(std::int64_t sweep_id) {
  std::lock_guard lock(db_.mutex_);
  sqlite::Statement select(db_.connection_,
                           "SELECT DISTINCT s.key FROM summaries s JOIN runs r ON r.id = s.run_id "
                           "WHERE r.sweep_id = ?1 ORDER BY s.key");
  select.bind(1, sweep_id);
  std::vector<std::string> keys;
  while (select.step()) keys.push_back(select.column_text(0));
  return keys;
}

namespace {

SearchRecord read_header(sqlite::Statement& row) {
  SearchRecord record;
  record.header.strategy = parse_strategy(row.column_text(0)).value_or(SearchStrategy::race);
  record.header.metric = row.column_text(1);
  record.header.maximize = row.column_int(2) != 0;
  record.header.alpha = row.column_double(3);
  if (!row.column_is_null(4)) record.header.budget = row.column_int(4);
  record.header.definition = row.column_text(5);
  record.state = row.column_text(6) == "ended" ? SearchState::ended : SearchState::searching;
  if (!row.column_is_null(7)) record.end = parse_end(row.column_text(7));
  record.runs_spent = row.column_int(8);
  record.header.grid_runs = row.column_int(9);
  return record;
}

void read_configurations(sqlite::Connection& connection, std::int64_t sweep_id,
                         SearchRecord& record) {
  sqlite::Statement select(connection,
                           "SELECT settings, eliminated_in FROM search_configurations "
                           "WHERE sweep_id = ?1 ORDER BY configuration");
  select.bind(1, sweep_id);
  while (select.step()) {
    record.configurations.push_back(select.column_text(0));
    record.eliminated.push_back(select.column_is_null(1)
                                    ? std::nullopt
                                    : std::optional<int>(static_cast<int>(select.column_int(1))));
  }
}

SearchDecision read_decision(const sqlite::Statement& row) {
  SearchDecision decision;
  decision.configuration = static_cast<int>(row.column_int(1));
  decision.outcome =
      row.column_text(2) == "eliminated" ? DecisionOutcome::eliminated : DecisionOutcome::kept;
  if (!row.column_is_null(3)) decision.against = static_cast<int>(row.column_int(3));
  decision.test = parse_decision_test(row.column_text(4)).value_or(DecisionTest::conover);
  decision.statistic = optional_double(row, 5);
  decision.p_value = optional_double(row, 6);
  decision.p_adjusted = optional_double(row, 7);
  decision.median = optional_double(row, 8);
  return decision;
}

void read_rounds(sqlite::Connection& connection, std::int64_t sweep_id, SearchRecord& record) {
  sqlite::Statement rounds(connection,
                           "SELECT round, seeds, length, alive, runs, test, statistic, p_value "
                           "FROM search_rounds WHERE sweep_id = ?1 ORDER BY round");
  rounds.bind(1, sweep_id);
  while (rounds.step()) {
    SearchRound round;
    round.round = static_cast<int>(rounds.column_int(0));
    round.seeds = rounds.column_text(1);
    if (!rounds.column_is_null(2)) round.length = rounds.column_text(2);
    round.alive = static_cast<int>(rounds.column_int(3));
    round.runs = static_cast<int>(rounds.column_int(4));
    round.test = parse_round_test(rounds.column_text(5)).value_or(RoundTest::none);
    round.statistic = optional_double(rounds, 6);
    round.p_value = optional_double(rounds, 7);
    record.rounds.push_back(std::move(round));
  }
  sqlite::Statement decisions(connection,
                              "SELECT round, configuration, outcome, against, test, statistic, "
                              "p_value, p_adjusted, median FROM search_decisions "
                              "WHERE sweep_id = ?1 ORDER BY round, configuration");
  decisions.bind(1, sweep_id);
  std::size_t next = 0;
  while (decisions.step()) {
    int round = static_cast<int>(decisions.column_int(0));
    while (next < record.rounds.size() && record.rounds[next].round < round) ++next;
    if (next < record.rounds.size() && record.rounds[next].round == round) {
      record.rounds[next].decisions.push_back(read_decision(decisions));
    }
  }
}

}  // namespace

std::optional<SearchRecord> read_search(sqlite::Connection& connection, std::int64_t sweep_id) {
  // A database of schema version 2 or older, read without migrating it, has no search tables.
  sqlite::Statement has_table(connection,
                              "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = "
                              "'searches'");
  if (!has_table.step()) return std::nullopt;
  sqlite::Statement select(connection,
                           "SELECT strategy, metric, maximize, alpha, budget, definition, state, "
                           "end_reason, runs_spent, grid_runs FROM searches WHERE sweep_id = ?1");
  select.bind(1, sweep_id);
  if (!select.step()) return std::nullopt;
  SearchRecord record = read_header(select);
  read_configurations(connection, sweep_id, record);
  read_rounds(connection, sweep_id, record);
  return record;
}

}  // namespace gantry
