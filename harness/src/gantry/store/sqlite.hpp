// Thin RAII layer over SQLite's C API: one owner per handle, status codes become StorageError
// (DatabaseBusyError when the lock could not be had within the busy timeout).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "gantry/base/errors.hpp"
#include "gantry/base/value.hpp"

namespace gantry::sqlite {

// A value read from or bound to a column.
using Value = gantry::Value;

class Connection {
 public:
  // read_write opens an existing file only. read_only_immutable reads a file SQLite may not
  // lock (no write access to it or its directory, a full disk): it trusts that nobody writes
  // the file meanwhile.
  enum class Mode { read_write_create, read_write, read_only, read_only_immutable };
  // Who may use the connection: a `shared` one serialises every call on SQLite's own mutex (a
  // sweep's worker threads share one); a `single_thread` one skips that lock, a lock and an
  // unlock on every step and every column read.
  enum class Threading { shared, single_thread };

  Connection(const std::string& path, Mode mode, int busy_timeout_ms,
             Threading threading = Threading::shared);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  // Movable so a function can open and check a connection and hand it over; the moved-from
  // object owns nothing.
  Connection(Connection&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}
  Connection& operator=(Connection&&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements that return no rows.
  void execute(const std::string& sql);
  // Whether `sql` is exactly one statement (trailing blanks and semicolons aside). Throws the
  // matching StorageError when it does not compile.
  bool is_single_statement(const std::string& sql) const;
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  // Rows the last INSERT, UPDATE or DELETE changed.
  int changes() const { return sqlite3_changes(db_); }

  // For SQL typed by a user (gantry query): turns off what a SELECT could misuse. SQLite's
  // defensive mode, no trusted schema, no extension loading, and an authorizer that denies the
  // functions that hand out or take raw pointers (fts3_tokenizer) or load code.
  void guard_untrusted_sql();

  // Throws the matching StorageError for a non-OK status, naming the database and `what`.
  void check(int status, const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Connection& connection, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, const Value& value);
  Statement& bind(int index, std::int64_t value) { return bind(index, Value{value}); }
  Statement& bind(int index, int value) { return bind(index, Value{std::int64_t{value}}); }
  Statement& bind(int index, double value) { return bind(index, Value{value}); }
  Statement& bind(int index, const std::string& value) { return bind(index, Value{value}); }
  Statement& bind(int index, const char* value) { return bind(index, Value{std::string(value)}); }
  Statement& bind_null(int index) { return bind(index, Value{}); }
  // Binds the parameter written `name` (":config") in the SQL; throws StorageError when the
  // statement has none of that name.
  Statement& bind_named(const char* name, const Value& value);
  Statement& bind_named(const char* name, std::int64_t value) {
    return bind_named(name, Value{value});
  }
  Statement& bind_named(const char* name, const std::string& value) {
    return bind_named(name, Value{value});
  }

  // Advances to the next row; false when done.
  bool step();
  // Steps a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();

  int column_count() const { return sqlite3_column_count(stmt_); }
  std::string column_name(int index) const { return sqlite3_column_name(stmt_, index); }
  Value column(int index) const;
  std::int64_t column_int(int index) const { return sqlite3_column_int64(stmt_, index); }
  double column_double(int index) const { return sqlite3_column_double(stmt_, index); }
  std::string column_text(int index) const;
  bool column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }
  // The column's value when it holds an integer or a real; none for NULL, text or a blob. One
  // look-up of the column, where column_type then column_double would be two: it is read for
  // every row of a curve.
  std::optional<double> column_number(int index) const {
    sqlite3_value* value = sqlite3_column_value(stmt_, index);
    int type = sqlite3_value_type(value);
    if (type != SQLITE_INTEGER && type != SQLITE_FLOAT) return std::nullopt;
    return sqlite3_value_double(value);
  }
  bool read_only() const { return sqlite3_stmt_readonly(stmt_) != 0; }
  // The index of the result column called `name`; throws StorageError when there is none.
  int column_index(const std::string& name) const;

 private:
  Connection& connection_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

// Commits on commit(), rolls back if destroyed before that (exception paths).
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& connection_;
  bool open_ = true;
};

// A read transaction (BEGIN ... COMMIT): in WAL mode, everything read through the connection
// while it lives sees one state of the database, however others write meanwhile.
class ReadTransaction {
 public:
  explicit ReadTransaction(Connection& connection);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Connection& connection_;
};

}  // namespace gantry::sqlite
