// Opens a `gantry report --html` page in headless chromium REPEAT times and prints, for each, the
// milliseconds from navigation until the page's figures were drawn (the page records it) and
// until its load event, and then how long showing every run's line takes. Usage: page_load
// PAGE.html [REPEAT=3]
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "headless_browser.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: page_load PAGE.html [REPEAT]\n";
    return 2;
  }
  const std::filesystem::path page = std::filesystem::absolute(argv[1]);
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  const std::filesystem::path profile =
      std::filesystem::temp_directory_path() / ("page-load-" + std::to_string(getpid()));
  try {
    for (int i = 0; i < repeat; ++i) {
      gantry::testing::HeadlessBrowser browser(profile);
      browser.open("file://" + page.string());
      auto drawn = browser.evaluate("document.documentElement.dataset.drawnMs");
      auto loaded = browser.evaluate(
          "Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd)");
      auto series = browser.evaluate("document.querySelectorAll('.series').length");
      // Showing every run redraws every figure with each run's line.
      auto toggled = browser.evaluate(
          "(() => { const t = performance.now(); document.getElementById('show-runs').click();"
          " return Math.round(performance.now() - t); })()");
      auto all = browser.evaluate("document.querySelectorAll('.series').length");
      std::cout << "drawn " << drawn.get<std::string>() << " ms, loaded " << loaded << " ms, "
                << series << " series; every run shown in " << toggled << " ms more, " << all
                << " series\n";
    }
  } catch (const std::exception& error) {
    std::cerr << "page_load: " << error.what() << "\n";
    std::filesystem::remove_all(profile);
    return 1;
  }
  std::filesystem::remove_all(profile);
  return 0;
}
