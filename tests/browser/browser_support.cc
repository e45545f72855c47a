#include "tests/browser/browser_support.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tgvc::testing {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

uint32_t crc32(const std::string& bytes) {
  static uint32_t table[256];
  static bool ready = false;
  if (!ready) {
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      table[n] = c;
    }
    ready = true;
  }
  uint32_t c = 0xffffffffu;
  for (unsigned char b : bytes) c = table[(c ^ b) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

void put_be32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void chunk(std::string& png, const char* type, const std::string& data) {
  put_be32(png, static_cast<uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  png += body;
  put_be32(png, crc32(body));
}

}  // namespace

ChildResult run_child(const std::vector<std::string>& argv, double timeout_s) {
  char out_template[] = "/tmp/tgvc_child_outXXXXXX";
  char err_template[] = "/tmp/tgvc_child_errXXXXXX";
  const int out_fd = ::mkstemp(out_template);
  const int err_fd = ::mkstemp(err_template);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::setpgid(0, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    ::execv(args[0], args.data());
    std::_Exit(127);
  }
  ::setpgid(pid, pid);
  ChildResult result;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      result.timed_out = true;
      break;
    }
    ::usleep(20000);
  }
  ::kill(-pid, SIGKILL);  // helpers the browser left behind in its group
  if (!result.timed_out && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  ::close(out_fd);
  ::close(err_fd);
  result.out = slurp(out_template);
  result.err = slurp(err_template);
  ::unlink(out_template);
  ::unlink(err_template);
  return result;
}

NetworkTrap::NetworkTrap() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::listen(listen_fd_, 64) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

NetworkTrap::~NetworkTrap() {
  stop_ = true;
  thread_.join();
  ::close(listen_fd_);
}

std::vector<TrapRequest> NetworkTrap::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

void NetworkTrap::serve() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    TrapRequest request{"", "(connection without a request)"};
    pollfd c{fd, POLLIN, 0};
    if (::poll(&c, 1, 1000) > 0) {
      char buffer[8192];
      const ssize_t n = ::read(fd, buffer, sizeof(buffer));
      if (n > 0) {
        const std::string data(buffer, static_cast<size_t>(n));
        if (data[0] == '\x16') {
          request = {tls_server_name(data), "TLS"};
        } else {
          request.line = data.substr(0, data.find("\r\n"));
          const size_t host = data.find("\r\nHost: ");
          if (host != std::string::npos) {
            const size_t start = host + 8;
            request.host = data.substr(start, data.find("\r\n", start) - start);
          }
        }
      }
    }
    const char reply[] = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    [[maybe_unused]] const ssize_t w = ::write(fd, reply, sizeof(reply) - 1);
    ::close(fd);
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(std::move(request));
  }
}

std::string tls_server_name(const std::string& data) {
  // Record header (5), handshake type and length (4), version (2), random (32), then session id,
  // cipher suites, compression methods and extensions, each prefixed by its length.
  auto byte = [&](size_t at) { return at < data.size() ? static_cast<unsigned char>(data[at]) : 0u; };
  auto u16 = [&](size_t at) { return byte(at) << 8 | byte(at + 1); };
  if (data.size() < 44 || byte(0) != 0x16 || byte(5) != 0x01) return {};
  size_t at = 43;
  at += 1 + byte(at);  // session id
  at += 2 + u16(at);   // cipher suites
  at += 1 + byte(at);  // compression methods
  const size_t end = std::min(data.size(), at + 2 + u16(at));
  at += 2;
  while (at + 4 <= end) {
    const unsigned type = u16(at);
    const size_t length = u16(at + 2);
    if (type == 0 && at + 9 <= end) {  // server_name: list length, name type 0, name length, name
      const size_t name_length = u16(at + 7);
      if (at + 9 + name_length <= end) return data.substr(at + 9, name_length);
      return {};
    }
    at += 4 + length;
  }
  return {};
}

std::string png_rgb(int width, int height, const std::vector<uint8_t>& rgb) {
  std::string raw;  // each row: filter type 0, then the pixels
  for (int y = 0; y < height; ++y) {
    raw.push_back('\0');
    raw.append(reinterpret_cast<const char*>(rgb.data()) + static_cast<size_t>(y) * width * 3,
               static_cast<size_t>(width) * 3);
  }
  std::string z = "\x78\x01";  // zlib header: deflate, 32 KiB window, no dictionary
  for (size_t at = 0; at < raw.size() || at == 0; at += 65535) {
    const size_t n = std::min<size_t>(65535, raw.size() - at);
    const bool last = at + n >= raw.size();
    z.push_back(last ? '\x01' : '\x00');  // stored block
    z.push_back(static_cast<char>(n & 0xff));
    z.push_back(static_cast<char>(n >> 8));
    z.push_back(static_cast<char>(~n & 0xff));
    z.push_back(static_cast<char>((~n >> 8) & 0xff));
    z.append(raw, at, n);
    if (last) break;
  }
  uint32_t a = 1, b = 0;
  for (unsigned char byte : raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  put_be32(z, (b << 16) | a);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  put_be32(header, static_cast<uint32_t>(width));
  put_be32(header, static_cast<uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no filter choice, no interlace
  chunk(png, "IHDR", header);
  chunk(png, "IDAT", z);
  chunk(png, "IEND", "");
  return png;
}

}  // namespace tgvc::testing
