#include "headless_browser.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/archive/iterators/binary_from_base64.hpp>
#include <boost/archive/iterators/transform_width.hpp>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace gantry::testing {

using nlohmann::json;

namespace {

constexpr auto kTimeout = std::chrono::seconds(60);

// In the child: the pipe ends moved to fd 3 (commands) and fd 4 (replies), then chromium.
[[noreturn]] void exec_chromium(int commands, int replies, const std::filesystem::path& profile) {
  setpgid(0, 0);  // its renderers in one group, which the destructor can kill together
  int in = fcntl(commands, F_DUPFD, 10);
  int out = fcntl(replies, F_DUPFD, 10);
  dup2(in, 3);
  dup2(out, 4);
  int null = open("/dev/null", O_RDWR);
  dup2(null, 1);
  dup2(null, 2);
  std::string profile_flag = "--user-data-dir=" + profile.string();
  execlp("chromium", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--disable-background-networking",
         "--host-resolver-rules=MAP * ~NOTFOUND", profile_flag.c_str(), "about:blank",
         static_cast<char*>(nullptr));
  _exit(127);
}

}  // namespace

HeadlessBrowser::HeadlessBrowser(const std::filesystem::path& profile_dir) {
  int commands[2], replies[2];
  if (pipe(commands) != 0 || pipe(replies) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    close(commands[1]);
    close(replies[0]);
    exec_chromium(commands[0], replies[1], profile_dir);
  }
  close(commands[0]);
  close(replies[1]);
  to_browser_ = commands[1];
  from_browser_ = replies[0];
  signal(SIGPIPE, SIG_IGN);  // a browser that died shows as a failed write, not a killed test
  try {
    call("Browser.getVersion", json::object(), false);
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string("chromium did not answer (is it installed? "
                                         "scripts/setup.sh installs it): ") +
                             error.what());
  }
}

HeadlessBrowser::~HeadlessBrowser() {
  if (to_browser_ >= 0) close(to_browser_);  // chromium exits when its pipe closes
  if (from_browser_ >= 0) close(from_browser_);
  if (pid_ <= 0) return;
  for (int i = 0; i < 50; ++i) {
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(-pid_, SIGKILL);
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
}

json HeadlessBrowser::read_message(std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    std::size_t end = buffer_.find('\0');
    if (end != std::string::npos) {
      json message = json::parse(buffer_.substr(0, end));
      buffer_.erase(0, end + 1);
      return message;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw std::runtime_error("no answer from chromium in time");
    pollfd ready{from_browser_, POLLIN, 0};
    if (poll(&ready, 1, static_cast<int>(left.count())) <= 0) continue;
    char chunk[65536];
    ssize_t got = read(from_browser_, chunk, sizeof chunk);
    if (got <= 0) throw std::runtime_error("chromium closed its pipe");
    buffer_.append(chunk, static_cast<std::size_t>(got));
  }
}

void HeadlessBrowser::record_event(const json& message) {
  const std::string method = message.value("method", "");
  seen_events_.push_back(method);
  const json& params = message.contains("params") ? message["params"] : json::object();
  if (method == "Runtime.exceptionThrown") {
    log_.errors.push_back("exception: " + params["exceptionDetails"].dump());
  } else if (method == "Runtime.consoleAPICalled" && params.value("type", "") == "error") {
    log_.errors.push_back("console.error: " + params["args"].dump());
  } else if (method == "Log.entryAdded" && params["entry"].value("level", "") == "error") {
    log_.errors.push_back("log: " + params["entry"].value("text", ""));
  } else if (method == "Network.requestWillBeSent") {
    log_.requests.push_back(params["request"].value("url", ""));
  }
}

json HeadlessBrowser::call(const std::string& method, json params, bool in_page) {
  const int id = next_id_++;
  json message = {{"id", id}, {"method", method}, {"params", std::move(params)}};
  if (in_page) message["sessionId"] = session_;
  std::string text = message.dump();
  text.push_back('\0');
  for (std::size_t sent = 0; sent < text.size();) {
    ssize_t wrote = write(to_browser_, text.data() + sent, text.size() - sent);
    if (wrote <= 0) throw std::runtime_error("cannot write to chromium");
    sent += static_cast<std::size_t>(wrote);
  }
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  for (;;) {
    json reply = read_message(deadline);
    if (!reply.contains("id")) {
      record_event(reply);
      continue;
    }
    if (reply["id"] != id) continue;
    if (reply.contains("error")) {
      throw std::runtime_error(method + " failed: " + reply["error"].dump());
    }
    return reply["result"];
  }
}

void HeadlessBrowser::wait_for_event(const std::string& method) {
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  for (;;) {
    for (const std::string& seen : seen_events_) {
      if (seen == method) return;
    }
    record_event(read_message(deadline));
  }
}

void HeadlessBrowser::open(const std::string& url, int width, int height) {
  json target = call("Target.createTarget", {{"url", "about:blank"}}, false);
  json attached =
      call("Target.attachToTarget", {{"targetId", target["targetId"]}, {"flatten", true}}, false);
  session_ = attached["sessionId"];
  for (const char* domain : {"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"}) {
    call(domain);
  }
  call("Network.setBlockedURLs",
       {{"urls", {"http://*", "https://*", "ws://*", "wss://*", "ftp://*"}}});
  call("Emulation.setDeviceMetricsOverride",
       {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", false}});
  seen_events_.clear();
  call("Page.navigate", {{"url", url}});
  wait_for_event("Page.loadEventFired");
}

bool HeadlessBrowser::wait_for_reload(std::chrono::seconds limit) {
  seen_events_.clear();
  const auto deadline = std::chrono::steady_clock::now() + limit;
  try {
    for (;;) {
      json message = read_message(deadline);
      if (message.contains("id")) continue;
      record_event(message);
      if (message.value("method", "") == "Page.loadEventFired") return true;
    }
  } catch (const std::runtime_error&) {
    return false;  // no load before the deadline
  }
}

json HeadlessBrowser::evaluate(const std::string& expression) {
  json result = call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}});
  if (result.contains("exceptionDetails")) {
    throw std::runtime_error("the page threw evaluating `" + expression +
                             "`: " + result["exceptionDetails"].dump());
  }
  return result["result"].value("value", json());
}

void HeadlessBrowser::move_mouse(double x, double y) {
  call("Input.dispatchMouseEvent", {{"type", "mouseMoved"}, {"x", x}, {"y", y}});
}

void HeadlessBrowser::click(double x, double y) {
  move_mouse(x, y);
  for (const char* type : {"mousePressed", "mouseReleased"}) {
    call("Input.dispatchMouseEvent",
         {{"type", type}, {"x", x}, {"y", y}, {"button", "left"}, {"clickCount", 1}});
  }
}

std::pair<double, double> HeadlessBrowser::centre_of(const std::string& selector) {
  json quoted = selector;
  json centre = evaluate("(() => { const e = document.querySelector(" + quoted.dump() +
                         "); if (!e) return null; e.scrollIntoView({block: 'center'});"
                         " const r = e.getBoundingClientRect();"
                         " return [r.left + r.width / 2, r.top + r.height / 2]; })()");
  if (centre.is_null()) throw std::runtime_error("nothing in the page matches " + selector);
  return {centre[0].get<double>(), centre[1].get<double>()};
}

void HeadlessBrowser::screenshot(const std::filesystem::path& file) {
  json shot = call("Page.captureScreenshot", {{"format", "png"}, {"captureBeyondViewport", true}});
  std::vector<unsigned char> bytes = decode_base64(shot["data"].get<std::string>());
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

std::vector<unsigned char> decode_base64(const std::string& text) {
  namespace it = boost::archive::iterators;
  using Decoder = it::transform_width<it::binary_from_base64<std::string::const_iterator>, 8, 6>;
  std::string body = text;
  std::size_t padding = 0;
  while (!body.empty() && body.back() == '=') {
    body.back() = 'A';  // decodes as zero bits, dropped below
    ++padding;
  }
  std::vector<unsigned char> bytes(Decoder(body.begin()), Decoder(body.end()));
  bytes.resize(bytes.size() - padding);
  return bytes;
}

}  // namespace gantry::testing
