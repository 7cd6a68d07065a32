// Debian's chromium, headless, driven from a test through the DevTools protocol over a pipe
// (--remote-debugging-pipe: commands in on fd 3, replies and events out on fd 4, each message
// JSON ended by a NUL byte). No driver library, no port, no network: the page under test is a
// file: URL and every http(s) request is blocked and recorded.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gantry::testing {

// What the page did that a test must see: console errors, uncaught exceptions, and every
// request it made.
struct PageLog {
  std::vector<std::string>
      errors;  // console.error, uncaught exceptions, Log entries of level error
  std::vector<std::string> requests;  // URLs, in order
};

class HeadlessBrowser {
 public:
  // Starts chromium with a fresh profile under `profile_dir`. Throws std::runtime_error when it
  // cannot be started (the message says to run scripts/setup.sh).
  explicit HeadlessBrowser(const std::filesystem::path& profile_dir);
  ~HeadlessBrowser();
  HeadlessBrowser(const HeadlessBrowser&) = delete;
  HeadlessBrowser& operator=(const HeadlessBrowser&) = delete;

  // Opens `url` in a new tab of `width` x `height` CSS pixels and waits for its load event.
  void open(const std::string& url, int width = 1200, int height = 900);
  // Waits up to `limit` for the page to load again by itself; false when it did not.
  bool wait_for_reload(std::chrono::seconds limit);
  // The value of a JavaScript expression in the page (returned by value).
  nlohmann::json evaluate(const std::string& expression);
  // Real input events at viewport coordinates.
  void move_mouse(double x, double y);
  void click(double x, double y);
  // Scrolls the element matching `selector` into view and returns its centre (viewport
  // coordinates). Throws when nothing matches.
  std::pair<double, double> centre_of(const std::string& selector);
  // The whole page as a PNG.
  void screenshot(const std::filesystem::path& file);

  const PageLog& log() const { return log_; }

 private:
  nlohmann::json call(const std::string& method, nlohmann::json params = nlohmann::json::object(),
                      bool in_page = true);
  nlohmann::json read_message(std::chrono::steady_clock::time_point deadline);
  void record_event(const nlohmann::json& message);
  void wait_for_event(const std::string& method);

  pid_t pid_ = -1;
  int to_browser_ = -1;
  int from_browser_ = -1;
  int next_id_ = 1;
  std::string buffer_;
  std::string session_;
  std::vector<std::string> seen_events_;
  PageLog log_;
};

// Decodes base 64 (the screenshot's encoding).
std::vector<unsigned char> decode_base64(const std::string& text);

}  // namespace gantry::testing
