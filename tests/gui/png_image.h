// Reading a screenshot back for checks (stb_image, from libstb).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace rapport::test {

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;  // width * height * 3
    bool empty() const { return rgb.empty(); }
    size_t distinct_colors() const;
    // Share of pixels darker than a threshold (text on the light theme).
    double dark_fraction() const;
};

Image load_png(const std::filesystem::path& path);

}  // namespace rapport::test
