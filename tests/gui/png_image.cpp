#include "tests/gui/png_image.h"

#include <stb_image.h>

#include <unordered_set>

namespace rapport::test {

Image load_png(const std::filesystem::path& path) {
    Image image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
    if (!data) return image;
    image.rgb.assign(data, data + static_cast<size_t>(image.width) * image.height * 3);
    stbi_image_free(data);
    return image;
}

size_t Image::distinct_colors() const {
    std::unordered_set<std::uint32_t> colors;
    for (size_t i = 0; i + 2 < rgb.size(); i += 3)
        colors.insert(rgb[i] << 16 | rgb[i + 1] << 8 | rgb[i + 2]);
    return colors.size();
}

double Image::dark_fraction() const {
    if (rgb.empty()) return 0;
    size_t dark = 0;
    for (size_t i = 0; i + 2 < rgb.size(); i += 3)
        if (rgb[i] + rgb[i + 1] + rgb[i + 2] < 3 * 100) ++dark;
    return static_cast<double>(dark) / (rgb.size() / 3);
}

}  // namespace rapport::test
