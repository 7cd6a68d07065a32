#include "gantry/store/sqlite.hpp"

#include <cctype>
#include <filesystem>
#include <utility>

namespace gantry::sqlite {
namespace {

// Before SQLite opens it: a FIFO would block open() until a writer came, a directory or device
// is no database, and a symlink loop is named rather than thrown as a filesystem error.
void check_openable(const std::string& path) {
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) return;
  if (error) throw StorageError("cannot open database '" + path + "': " + error.message());
  if (!std::filesystem::is_regular_file(status)) {
    throw StorageError("cannot open database '" + path + "': not a regular file");
  }
}

// "file:/a%20b.sqlite?immutable=1": every byte but unreserved ones and '/' percent-encoded.
std::string immutable_uri(const std::string& path) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri + "?immutable=1";
}

// Denies the functions listed in guard_untrusted_sql; allows everything else (what may write is
// refused elsewhere: a read-only open, query_only, and the statement's own read-only check).
extern "C" int deny_unsafe_functions(void*, int action, const char*, const char* function,
                                     const char*, const char*) {
  if (action != SQLITE_FUNCTION || function == nullptr) return SQLITE_OK;
  for (const char* denied : {"fts3_tokenizer", "load_extension"}) {
    if (sqlite3_stricmp(function, denied) == 0) return SQLITE_DENY;
  }
  return SQLITE_OK;
}

}  // namespace

Connection::Connection(const std::string& path, Mode mode, int busy_timeout_ms, Threading threading)
    : path_(path) {
  check_openable(path);
  bool read_only = mode == Mode::read_only || mode == Mode::read_only_immutable;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (mode == Mode::read_write_create) flags |= SQLITE_OPEN_CREATE;
  if (mode == Mode::read_only_immutable) flags |= SQLITE_OPEN_URI;
  // One connection is shared by the sweep's worker threads behind the results store's mutex;
  // SQLite's own serialisation is a second guard.
  flags |= threading == Threading::shared ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX;
  std::string name = mode == Mode::read_only_immutable ? immutable_uri(path) : path;
  int status = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (status != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(status);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StorageError("cannot open database '" + path + "': " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
}

void Connection::guard_untrusted_sql() {
  const std::pair<int, const char*> settings[] = {
      {SQLITE_DBCONFIG_DEFENSIVE, "defensive"},
      {SQLITE_DBCONFIG_TRUSTED_SCHEMA, "trusted_schema"},
      {SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, "fts3_tokenizer"},
      {SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, "load_extension"}};
  for (const auto& [option, name] : settings) {
    int on = option == SQLITE_DBCONFIG_DEFENSIVE ? 1 : 0;
    check(sqlite3_db_config(db_, option, on, nullptr), std::string("setting ") + name);
  }
  check(sqlite3_set_authorizer(db_, deny_unsafe_functions, nullptr), "setting the authorizer");
}

Connection::~Connection() {
  sqlite3_close_v2(db_);
}

void Connection::check(int status, const std::string& what) const {
  if (status == SQLITE_OK || status == SQLITE_ROW || status == SQLITE_DONE) return;
  std::string message = "database '" + path_ + "': " + what + ": " + sqlite3_errmsg(db_);
  int primary = status & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    throw DatabaseBusyError(message +
                            " (another process holds the lock; try again when it is done)");
  }
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
    throw SchemaError(message);
  }
  throw StorageError(message);
}

void Connection::execute(const std::string& sql) {
  char* error = nullptr;
  int status = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (error) sqlite3_free(error);
  check(status, "executing '" + sql.substr(0, 60) + "'");
}

Statement::Statement(Connection& connection, const std::string& sql)
    : connection_(connection), sql_(sql) {
  connection_.check(sqlite3_prepare_v2(connection.handle(), sql.c_str(), -1, &stmt_, nullptr),
                    "preparing '" + sql + "'");
  if (stmt_ == nullptr) throw StorageError("empty SQL statement");
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, const Value& value) {
  int status = SQLITE_OK;
  if (std::holds_alternative<std::monostate>(value)) {
    status = sqlite3_bind_null(stmt_, index);
  } else if (auto* integer = std::get_if<std::int64_t>(&value)) {
    status = sqlite3_bind_int64(stmt_, index, *integer);
  } else if (auto* real = std::get_if<double>(&value)) {
    status = sqlite3_bind_double(stmt_, index, *real);
  } else {
    const auto& text = std::get<std::string>(value);
    status = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT);
  }
  connection_.check(status, "binding parameter " + std::to_string(index));
  return *this;
}

bool Statement::step() {
  int status = sqlite3_step(stmt_);
  if (status == SQLITE_ROW) return true;
  if (status == SQLITE_DONE) return false;
  // The statement must be reset before the error message is reliable for every status.
  sqlite3_reset(stmt_);
  connection_.check(status, "running '" + sql_.substr(0, 80) + "'");
  return false;
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::bind_named(const char* name, const Value& value) {
  int index = sqlite3_bind_parameter_index(stmt_, name);
  if (index == 0) {
    throw StorageError("database '" + connection_.path() + "': no parameter " + name +
                       " in: " + sql_);
  }
  return bind(index, value);
}

int Statement::column_index(const std::string& name) const {
  for (int index = 0; index < column_count(); ++index) {
    if (name == sqlite3_column_name(stmt_, index)) return index;
  }
  throw StorageError("database '" + connection_.path() + "': no column " + name + " in: " + sql_);
}

Value Statement::column(int index) const {
  switch (sqlite3_column_type(stmt_, index)) {
    case SQLITE_INTEGER:
      return Value{std::int64_t{sqlite3_column_int64(stmt_, index)}};
    case SQLITE_FLOAT:
      return Value{sqlite3_column_double(stmt_, index)};
    case SQLITE_NULL:
      return Value{};
    default:
      return Value{column_text(index)};
  }
}

std::string Statement::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  // IMMEDIATE takes the write lock now, so a busy database fails here, before any work.
  connection_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  connection_.execute("COMMIT");
  open_ = false;
}

ReadTransaction::ReadTransaction(Connection& connection) : connection_(connection) {
  connection_.execute("BEGIN");
}

ReadTransaction::~ReadTransaction() {
  // A read transaction has nothing to lose: ending it cannot fail in a way worth reporting.
  sqlite3_exec(connection_.handle(), "COMMIT", nullptr, nullptr, nullptr);
}

bool Connection::is_single_statement(const std::string& sql) const {
  const char* tail = nullptr;
  sqlite3_stmt* probe = nullptr;
  int status = sqlite3_prepare_v2(db_, sql.c_str(), -1, &probe, &tail);
  sqlite3_finalize(probe);
  check(status, "preparing the query");
  return tail == nullptr || std::string(tail).find_first_not_of(" \t\r\n;") == std::string::npos;
}

}  // namespace gantry::sqlite
