// The module graph of docs/architecture.md, enforced: every quoted include of every source file
// is read and checked against the modules its own module may use, so a dependency that runs
// the wrong way fails here instead of rotting the layering. The C libraries' headers are held to
// the one module that wraps them.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Each module and the modules it uses directly; what those use may be used too.
const std::map<std::string, std::vector<std::string>>& module_graph() {
  static const std::map<std::string, std::vector<std::string>> graph{
      {"sdk", {}},
      {"base", {}},
      {"plugin", {"base", "sdk"}},
      {"artifacts", {"base", "sdk"}},
      {"config", {"plugin"}},
      {"store", {"plugin", "artifacts"}},
      {"run", {"config", "store"}},
      {"sweep", {"run"}},
      {"cluster", {"sweep"}},
      {"search", {"sweep", "analysis/stats"}},
      {"scaffold", {"plugin"}},
      {"analysis/stats", {}},
      {"analysis/report", {"analysis/stats", "store", "artifacts"}},
      {"analysis/render", {"analysis/report"}},
      {"analysis/plots", {"analysis/report"}},
      {"analysis/html", {"analysis/render"}},
      {"app", {"cluster", "search", "scaffold", "analysis/html", "analysis/plots"}},
      {"plugins", {"sdk"}},
  };
  return graph;
}

std::set<std::string> reachable(const std::string& module) {
  std::set<std::string> seen;
  std::vector<std::string> open{module};
  while (!open.empty()) {
    std::string next = open.back();
    open.pop_back();
    for (const auto& used : module_graph().at(next)) {
      if (seen.insert(used).second) open.push_back(used);
    }
  }
  return seen;
}

fs::path source_dir() {
  const char* dir = std::getenv("GANTRY_SOURCE_DIR");
  return dir ? fs::path(dir) : fs::path(GANTRY_DEFAULT_SOURCE_DIR);
}

// The module a source file belongs to, or "" for files outside the layered tree.
std::string module_of_file(const fs::path& relative) {
  static const std::regex core("harness/src/gantry/([a-z_]+)/.*");
  static const std::regex analysis("analysis/src/gantry/analysis/([a-z_]+)/.*");
  std::smatch match;
  std::string path = relative.generic_string();
  if (std::regex_match(path, match, core)) return match[1];
  if (std::regex_match(path, match, analysis)) return "analysis/" + match[1].str();
  if (path.rfind("harness/include/", 0) == 0) return "sdk";
  if (path.rfind("app/", 0) == 0) return "app";
  if (path.rfind("plugins/", 0) == 0) return "plugins";
  return "";
}

// The module a quoted include names: "gantry/store/sqlite.hpp" is store, "gantry/options.hpp"
// the SDK; "" for a file of the includer's own folder.
std::string module_of_include(const std::string& include) {
  static const std::regex analysis("gantry/analysis/([a-z_]+)/.*");
  static const std::regex core("gantry/([a-z_]+)/.*");
  static const std::regex sdk("gantry/[a-z_]+\\.hpp");
  std::smatch match;
  if (std::regex_match(include, match, analysis)) return "analysis/" + match[1].str();
  if (std::regex_match(include, match, core)) return match[1];
  if (std::regex_match(include, sdk)) return "sdk";
  return "";
}

struct Include {
  fs::path file;
  std::string target;
  bool system;
};

std::vector<Include> includes_of_tree() {
  static const std::regex directive(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::vector<Include> found;
  for (const char* top : {"harness", "analysis", "app", "plugins"}) {
    for (const auto& entry : fs::recursive_directory_iterator(source_dir() / top)) {
      std::string extension = entry.path().extension().string();
      if (extension != ".hpp" && extension != ".cpp") continue;
      std::ifstream in(entry.path());
      std::string line;
      std::smatch match;
      while (std::getline(in, line)) {
        if (std::regex_search(line, match, directive)) {
          found.push_back({fs::relative(entry.path(), source_dir()), match[2], match[1] == "<"});
        }
      }
    }
  }
  return found;
}

std::string lines(const std::vector<std::string>& texts) {
  std::string joined;
  for (const auto& text : texts) joined += text + "\n";
  return joined;
}

}  // namespace

TEST_CASE("every include follows the module graph", "[layering]") {
  std::vector<Include> includes = includes_of_tree();
  REQUIRE(includes.size() > 300);  // the tree was found and read
  std::vector<std::string> against;
  for (const auto& include : includes) {
    std::string from = module_of_file(include.file);
    if (from.empty() || include.system) continue;
    std::string to = module_of_include(include.target);
    if (to.empty() || to == from) continue;
    INFO(include.file.generic_string() << " (" << from << ") includes " << include.target);
    REQUIRE(module_graph().count(to) == 1);
    if (reachable(from).count(to) == 0) {
      against.push_back(include.file.generic_string() + " -> " + include.target);
    }
  }
  INFO("includes against the graph of docs/architecture.md:\n" << lines(against));
  CHECK(against.empty());
}

TEST_CASE("every module folder is in the graph", "[layering]") {
  for (const auto& entry : fs::directory_iterator(source_dir() / "harness/src/gantry")) {
    if (!entry.is_directory()) continue;
    INFO("harness/src/gantry/" << entry.path().filename().string());
    CHECK(module_graph().count(entry.path().filename().string()) == 1);
  }
  for (const auto& entry : fs::directory_iterator(source_dir() / "analysis/src/gantry/analysis")) {
    if (!entry.is_directory()) continue;
    INFO("analysis/src/gantry/analysis/" << entry.path().filename().string());
    CHECK(module_graph().count("analysis/" + entry.path().filename().string()) == 1);
  }
}

TEST_CASE("the C libraries are included by their wrappers alone", "[layering]") {
  // SQLite is wrapped by store/sqlite, HDF5 by the artifacts module, libpng by its image grid.
  const std::map<std::string, std::string> owner{{"sqlite3.h", "store"},
                                                 {"H5Cpp.h", "artifacts"},
                                                 {"hdf5.h", "artifacts"},
                                                 {"png.h", "artifacts"}};
  std::vector<std::string> outside;
  for (const auto& include : includes_of_tree()) {
    auto found = owner.find(include.target);
    if (found == owner.end()) continue;
    if (module_of_file(include.file) != found->second) {
      outside.push_back(include.file.generic_string() + " includes " + include.target);
    }
  }
  INFO(lines(outside));
  CHECK(outside.empty());
}

TEST_CASE("the graph itself runs one way", "[layering]") {
  for (const auto& [module, uses] : module_graph()) {
    INFO(module);
    CHECK(reachable(module).count(module) == 0);
  }
}
