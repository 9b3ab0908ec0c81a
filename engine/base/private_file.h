// Writing files that hold personal data (exports, backups): readable only by
// their owner (mode 0600), written whole or not at all (a temporary file in
// the same folder, flushed to disk, then renamed over the target), and never
// replacing a file we could not read — it might be something the user needs
// that we do not understand.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string_view>

namespace rapport {

// Throws rapport::Error naming the file when the target exists but is not a
// readable regular file, or when writing fails (the target is then untouched).
void write_private_file(const std::filesystem::path& path, std::string_view content);

// Produces the file through write(temp): `temp` is a new private file in
// the same folder; once write() returns it is flushed and renamed over path.
// On any error the temporary file is removed and path is untouched.
void write_private_file_with(const std::filesystem::path& path,
                             const std::function<void(const std::filesystem::path& temp)>& write);

// Refuses (rapport::Error) an existing target that is not a readable regular
// file. write_private_file() calls it; writers that produce the file another
// way call it first.
void check_replaceable(const std::filesystem::path& path);

// A new empty file next to `near` (same folder, so a rename can replace the
// target atomically), mode 0600. Throws rapport::Error.
std::filesystem::path create_private_temp_file(const std::filesystem::path& near);

// Removes the temporary files create_private_temp_file(near) left behind
// when a program was killed while writing (".NAME.tmp-XXXXXX" beside near)
// once they are older than max_age, so one being written now is spared.
// Returns how many were removed; errors are ignored.
int remove_stale_temp_files(const std::filesystem::path& near,
                            std::chrono::seconds max_age = std::chrono::minutes(10));

// Flushes a file's contents, then the folder entry, to disk.
void sync_file_and_folder(const std::filesystem::path& path);

}  // namespace rapport
