#include "gantry/store/merge_rows.hpp"

#include "gantry/base/text.hpp"
#include "gantry/store/recorded_status.hpp"
#include "gantry/store/schema.hpp"

namespace gantry::merge_detail {
namespace {

int status_rank(const std::string& text) {
  switch (parse_status(text).value_or(RecordedStatus::running)) {
    case RecordedStatus::finished:
      return 2;
    case RecordedStatus::failed:
      return 1;
    case RecordedStatus::running:  // interrupted, or still going somewhere
      return 0;
  }
  return 0;
}

std::string text_or_empty(const sqlite::Statement& statement, int index) {
  return statement.column_is_null(index) ? std::string() : statement.column_text(index);
}

std::string insert_sql(const std::vector<std::string>& copied) {
  std::vector<std::string> placeholders;
  for (std::size_t i = 0; i < copied.size(); ++i)
    placeholders.push_back("?" + std::to_string(i + 2));
  return "INSERT INTO runs (sweep_id, " + join(copied, ", ") + ") VALUES (?1, " +
         join(placeholders, ", ") + ")";
}

std::string update_sql(const std::vector<std::string>& copied) {
  std::vector<std::string> assignments;
  for (std::size_t i = 0; i < copied.size(); ++i) {
    assignments.push_back(copied[i] + " = ?" + std::to_string(i + 2));
  }
  return "UPDATE runs SET hdf5_path = NULL, " + join(assignments, ", ") + " WHERE id = ?1";
}

}  // namespace

KeyColumns::KeyColumns(const sqlite::Statement& statement)
    : status(statement.column_index("status")),
      ended_at(statement.column_index("ended_at")),
      started_at(statement.column_index("started_at")),
      attempt(statement.column_index("attempt")),
      host(statement.column_index("host")),
      pid(statement.column_index("pid")) {}

CopyKey key_of(const sqlite::Statement& row, const KeyColumns& column) {
  return CopyKey{status_rank(row.column_text(column.status)),
                 text_or_empty(row, column.ended_at),
                 row.column_text(column.started_at),
                 row.column_int(column.attempt),
                 row.column_text(column.host),
                 row.column_int(column.pid)};
}

RunColumns::RunColumns(const sqlite::Statement& statement)
    : id(statement.column_index("id")),
      sweep_id(statement.column_index("sweep_id")),
      hdf5_path(statement.column_index("hdf5_path")),
      seed(statement.column_index("seed")),
      identity(statement.column_index("identity")),
      key(statement) {}

RunWriters::RunWriters(sqlite::Connection& out, const std::vector<std::string>& copied)
    : existing(out,
               "SELECT id, status, ended_at, started_at, attempt, host, pid "
               "FROM runs WHERE sweep_id = ?1 AND identity = ?2"),
      insert(out, insert_sql(copied)),
      update(out, update_sql(copied)),
      existing_key(existing) {}

void bind_copied(sqlite::Statement& target, const sqlite::Statement& runs, int first) {
  const std::size_t count = copied_run_columns().size();
  for (std::size_t i = 0; i < count; ++i) {
    target.bind(static_cast<int>(i) + 2, runs.column(first + static_cast<int>(i)));
  }
}

}  // namespace gantry::merge_detail
