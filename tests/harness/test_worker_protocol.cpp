// What a sweep and its worker processes say to each other: requests and messages survive the
// round trip whatever their text holds, a message cut anywhere waits for the rest, and bytes
// that are not the protocol (fuzzed, seeded) are refused with a StorageError, never a crash.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <random>
#include <sstream>

#include "gantry/base/errors.hpp"
#include "gantry/sweep/worker_process.hpp"
#include "gantry/sweep/worker_protocol.hpp"

using namespace gantry::worker;
using gantry::RunStatus;

namespace {

RunRequest sample_request() {
  RunRequest request;
  request.sweep_id = 12;
  request.sweep_name = "tanh-race";
  request.seed = 9223372036854775807;
  request.identity = "34c357d5-2784-5893-ae2e-2055c5e423ae";
  request.config = "[data]\nplugin = x2\n\n[model]\ng_layers = 5:relu, 2:linear\n";
  request.policy.retry_failed = true;
  request.policy.sole_owner = true;
  return request;
}

}  // namespace

TEST_CASE("a run request survives the round trip", "[worker_protocol]") {
  RunRequest sent = sample_request();
  std::istringstream wire(encode(sent) + encode(sent));
  for (int copy = 0; copy < 2; ++copy) {
    std::optional<RunRequest> received = read_request(wire);
    REQUIRE(received.has_value());
    CHECK(received->sweep_id == sent.sweep_id);
    CHECK(received->sweep_name == sent.sweep_name);
    CHECK(received->seed == sent.seed);
    CHECK(received->identity == sent.identity);
    CHECK(received->config == sent.config);
    CHECK(received->policy.retry_failed);
    CHECK_FALSE(received->policy.rerun_finished);
    CHECK(received->policy.sole_owner);
  }
  CHECK_FALSE(read_request(wire).has_value());  // the end of the input: no more runs
}

TEST_CASE("messages survive the round trip and wait for their last byte", "[worker_protocol]") {
  Message ended{MessageKind::ended, 7, RunStatus::failed, 0.1 + 0.2,
                "threw\nover two lines: ended 3 1 0x1p+0 5\n"};
  Message claimed{MessageKind::claimed, 7};
  Message store{MessageKind::store_failed, 0, RunStatus::not_started, 0, "disk full"};
  const std::string wire = encode(claimed) + encode(ended) + encode(store);

  SECTION("whole") {
    std::string buffer = wire;
    auto first = take_message(buffer);
    REQUIRE(first);
    CHECK(first->kind == MessageKind::claimed);
    CHECK(first->run_id == 7);
    auto second = take_message(buffer);
    REQUIRE(second);
    CHECK(second->kind == MessageKind::ended);
    CHECK(second->status == RunStatus::failed);
    CHECK(second->wall_seconds == 0.1 + 0.2);  // exact: hexadecimal floating point
    CHECK(second->text == ended.text);
    auto third = take_message(buffer);
    REQUIRE(third);
    CHECK(third->kind == MessageKind::store_failed);
    CHECK(third->text == "disk full");
    CHECK(buffer.empty());
  }
  SECTION("byte by byte, as a pipe may deliver it") {
    std::string buffer;
    std::vector<Message> received;
    for (char byte : wire) {
      buffer += byte;
      while (auto message = take_message(buffer)) received.push_back(*message);
    }
    REQUIRE(received.size() == 3);
    CHECK(received[1].text == ended.text);
  }
}

TEST_CASE("bytes that are not the protocol are refused, never a crash", "[worker_protocol]") {
  std::mt19937_64 random(20261207);  // seeded: the same bytes every run
  const std::string alphabet = "run claimed ended store_failed 0123456789-+x.p\n \xff";
  int refused = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::string bytes(random() % 64, '\0');
    for (char& byte : bytes) byte = alphabet[random() % alphabet.size()];
    try {
      std::istringstream in(bytes);
      while (read_request(in)) {
      }
    } catch (const gantry::StorageError&) {
      ++refused;
    }
    try {
      std::string buffer = bytes;
      while (take_message(buffer)) {
      }
    } catch (const gantry::StorageError&) {
      ++refused;
    }
  }
  CHECK(refused > 0);
}

TEST_CASE("a worker's end is said in words", "[worker_protocol]") {
  CHECK(gantry::describe_wait_status(SIGSEGV) == "killed by SIGSEGV (Segmentation fault)");
  CHECK(gantry::describe_wait_status(SIGKILL) == "killed by SIGKILL (Killed)");
  CHECK(gantry::describe_wait_status(3 << 8) == "exited with status 3");
}
