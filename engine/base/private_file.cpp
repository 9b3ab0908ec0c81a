#include "engine/base/private_file.h"

#include "engine/base/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace rapport {
namespace fs = std::filesystem;

namespace {

std::string system_error_text() { return std::strerror(errno); }

void sync_path(const fs::path& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw Error("cannot open " + path.string() + " to flush it: " + system_error_text());
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw Error("cannot flush " + path.string() + " to disk: " + system_error_text());
}

void write_all(int fd, std::string_view content, const fs::path& path) {
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw Error("cannot write " + path.string() + ": " + system_error_text());
        content.remove_prefix(static_cast<size_t>(n));
    }
}

}  // namespace

void check_replaceable(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (ec || status.type() == fs::file_type::not_found) return;
    if (status.type() != fs::file_type::regular)
        throw Error(path.string() + " exists and is not a regular file; not replacing it");
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw Error(path.string() + " exists and cannot be read; not replacing it");
}

fs::path create_private_temp_file(const fs::path& near) {
    const fs::path folder = near.has_parent_path() ? near.parent_path() : fs::path(".");
    std::string name = ".";
    name.append(near.filename().string()).append(".tmp-XXXXXX");
    std::string pattern = (folder / name).string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);  // mode 0600
    if (fd < 0)
        throw Error("cannot create a file in " + folder.string() + ": " + system_error_text());
    ::close(fd);
    return pattern;
}

int remove_stale_temp_files(const fs::path& near, std::chrono::seconds max_age) {
    const fs::path folder = near.has_parent_path() ? near.parent_path() : fs::path(".");
    std::string prefix = ".";
    prefix.append(near.filename().string()).append(".tmp-");  // as create_private_temp_file names them
    const auto now = fs::file_time_type::clock::now();
    int removed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() != prefix.size() + 6 || name.rfind(prefix, 0) != 0) continue;
        const auto written = fs::last_write_time(entry.path(), ec);
        if (ec || now - written < max_age) continue;
        if (fs::remove(entry.path(), ec)) ++removed;
    }
    return removed;
}

void sync_file_and_folder(const fs::path& path) {
    sync_path(path, O_RDONLY);
    sync_path(path.has_parent_path() ? path.parent_path() : fs::path("."), O_RDONLY | O_DIRECTORY);
}

void write_private_file_with(const fs::path& path,
                             const std::function<void(const fs::path& temp)>& write) {
    check_replaceable(path);
    const fs::path temp = create_private_temp_file(path);
    try {
        write(temp);
        sync_path(temp, O_RDONLY);
        std::error_code ec;
        fs::rename(temp, path, ec);
        if (ec) throw Error("cannot write " + path.string() + ": " + ec.message());
        sync_file_and_folder(path);
    } catch (...) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw;
    }
}

void write_private_file(const fs::path& path, std::string_view content) {
    write_private_file_with(path, [&](const fs::path& temp) {
        const int fd = ::open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) throw Error("cannot write " + temp.string() + ": " + system_error_text());
        try {
            write_all(fd, content, path);
        } catch (...) {
            ::close(fd);
            throw;
        }
        if (::close(fd) != 0)
            throw Error("cannot write " + path.string() + ": " + system_error_text());
    });
}

}  // namespace rapport
