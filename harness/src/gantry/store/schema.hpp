// The results database schema and its migrations. The schema is a public interface
// (docs/results-schema.md): every change is a new migration and a new version number.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gantry/store/sqlite.hpp"

namespace gantry {

// PRAGMA application_id of every Gantry results database: "GNTR".
inline constexpr int kResultsApplicationId = 0x474E5452;
// PRAGMA user_version this gantry writes and understands.
inline constexpr int kResultsSchemaVersion = 5;

// Checks the file is a Gantry database (or empty) of a version this gantry can read; throws
// SchemaError naming the file otherwise. Returns the version found (0 for an empty file).
int check_schema(sqlite::Connection& connection);

// SQLite's PRAGMA quick_check, of the whole file or of one table and its indexes: the first
// problem it reports (without its "*** in database main ***" banner), or nothing when intact.
std::optional<std::string> quick_check(sqlite::Connection& connection,
                                       const std::string& table = "");

// Brings an empty or older database to kResultsSchemaVersion, one migration per version, each in
// its own transaction.
void migrate(sqlite::Connection& connection);

// Every column of runs but id, sweep_id and hdf5_path: what `gantry merge` copies as it is
// (it assigns those three). Kept beside the migrations that create the columns.
const std::vector<std::string>& copied_run_columns();

}  // namespace gantry
