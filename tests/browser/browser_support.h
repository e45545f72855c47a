// What the browser test needs besides gtest: a child process with a time limit, a trap that
// catches any network connection the browser makes, and a minimal PNG writer for test frames.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tgvc::testing {

struct ChildResult {
  int exit_code = -1;  // -1: killed by a signal or by the time limit
  bool timed_out = false;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs argv (no shell) in its own process group; kills the group after `timeout_s`.
ChildResult run_child(const std::vector<std::string>& argv, double timeout_s);

struct TrapRequest {
  std::string host;  // HTTP Host header or TLS server name; empty when neither was sent
  std::string line;  // the HTTP request line, or "TLS" for an encrypted connection
};

// Listens on 127.0.0.1 (a free port) and records every connection: the host it was meant for and
// its request line, answering 404. Pointing a browser's host resolver at it turns any attempted
// fetch into a recorded request.
class NetworkTrap {
 public:
  NetworkTrap();
  ~NetworkTrap();
  NetworkTrap(const NetworkTrap&) = delete;
  NetworkTrap& operator=(const NetworkTrap&) = delete;

  int port() const { return port_; }
  std::vector<TrapRequest> requests() const;

 private:
  void serve();
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::vector<TrapRequest> requests_;
  std::thread thread_;
};

// The server name (SNI) of a TLS ClientHello; empty when `data` is not one or has none.
std::string tls_server_name(const std::string& data);

// An 8-bit RGB PNG (stored deflate blocks: valid, uncompressed). `rgb` holds width*height*3 bytes.
std::string png_rgb(int width, int height, const std::vector<uint8_t>& rgb);

}  // namespace tgvc::testing
