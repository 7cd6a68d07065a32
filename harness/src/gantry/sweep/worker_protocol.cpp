#include "gantry/sweep/worker_protocol.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <sstream>

#include "gantry/base/errors.hpp"

namespace gantry::worker {
namespace {

// Statuses on the wire by number; the enum's order is part of this format.
int status_code(RunStatus status) {
  return static_cast<int>(status);
}

RunStatus status_of(int code) {
  if (code < 0 || code > static_cast<int>(RunStatus::not_claimed)) {
    throw StorageError("worker protocol: unknown run status " + std::to_string(code));
  }
  return static_cast<RunStatus>(code);
}

// Exact text of a double: hexadecimal floating point reads back as the same bits.
std::string exact(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%a", value);
  return text;
}

// The largest block a request or message holds (an experiment's INI text, an error message):
// a size past it is not the protocol, and must not become an allocation.
constexpr std::size_t kMaxBlock = std::size_t{1} << 26;

void check_block_size(std::size_t size) {
  if (size > kMaxBlock) {
    throw StorageError("worker protocol: a block of " + std::to_string(size) + " bytes");
  }
}

std::string read_block(std::istream& in, std::size_t size) {
  check_block_size(size);
  std::string block(size, '\0');
  if (size > 0 && !in.read(block.data(), static_cast<std::streamsize>(size))) {
    throw StorageError("worker protocol: a request was cut short");
  }
  return block;
}

}  // namespace

bool write_fully(int fd, const std::string& bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<std::size_t>(n);
  }
  return true;
}

std::string encode(const RunRequest& request) {
  std::ostringstream out;
  out << "run " << request.sweep_id << ' ' << request.seed << ' ' << request.policy.retry_failed
      << ' ' << request.policy.rerun_finished << ' ' << request.policy.sole_owner << ' '
      << request.sweep_name.size() << ' ' << request.identity.size() << ' ' << request.config.size()
      << '\n'
      << request.sweep_name << request.identity << request.config;
  return out.str();
}

std::optional<RunRequest> read_request(std::istream& in) {
  std::string header;
  if (!std::getline(in, header)) return std::nullopt;
  std::istringstream fields(header);
  std::string word;
  RunRequest request;
  std::size_t name_size = 0, identity_size = 0, config_size = 0;
  fields >> word >> request.sweep_id >> request.seed >> request.policy.retry_failed >>
      request.policy.rerun_finished >> request.policy.sole_owner >> name_size >> identity_size >>
      config_size;
  if (!fields || word != "run") throw StorageError("worker protocol: not a request: " + header);
  request.sweep_name = read_block(in, name_size);
  request.identity = read_block(in, identity_size);
  request.config = read_block(in, config_size);
  return request;
}

std::string encode(const Message& message) {
  switch (message.kind) {
    case MessageKind::claimed:
      return "claimed " + std::to_string(message.run_id) + "\n";
    case MessageKind::ended:
      return "ended " + std::to_string(message.run_id) + " " +
             std::to_string(status_code(message.status)) + " " + exact(message.wall_seconds) + " " +
             std::to_string(message.text.size()) + "\n" + message.text;
    case MessageKind::store_failed:
      return "store_failed " + std::to_string(message.text.size()) + "\n" + message.text;
  }
  return {};
}

std::optional<Message> take_message(std::string& buffer) {
  std::size_t end_of_header = buffer.find('\n');
  if (end_of_header == std::string::npos) return std::nullopt;
  std::istringstream fields(buffer.substr(0, end_of_header));
  std::string word;
  fields >> word;
  Message message;
  std::size_t text_size = 0;
  if (word == "claimed") {
    message.kind = MessageKind::claimed;
    fields >> message.run_id;
  } else if (word == "ended") {
    message.kind = MessageKind::ended;
    int status = 0;
    std::string wall;
    fields >> message.run_id >> status >> wall >> text_size;
    message.status = status_of(status);
    message.wall_seconds = std::strtod(wall.c_str(), nullptr);
  } else if (word == "store_failed") {
    message.kind = MessageKind::store_failed;
    fields >> text_size;
  } else {
    throw StorageError("worker protocol: not a message: " + buffer.substr(0, end_of_header));
  }
  if (!fields) {
    throw StorageError("worker protocol: malformed: " + buffer.substr(0, end_of_header));
  }
  check_block_size(text_size);
  std::size_t total = end_of_header + 1 + text_size;
  if (buffer.size() < total) return std::nullopt;
  message.text = buffer.substr(end_of_header + 1, text_size);
  buffer.erase(0, total);
  return message;
}

}  // namespace gantry::worker
