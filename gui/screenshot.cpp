#include "gui/screenshot.h"

#include "engine/base/error.h"

#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <cstdint>
#include <vector>

namespace rapport::gui {

void save_framebuffer_png(const std::string& path, int width, int height) {
    if (width <= 0 || height <= 0) throw Error("cannot save " + path + ": the window has no size");
    const size_t row_bytes = static_cast<size_t>(width) * 4;
    std::vector<std::uint8_t> pixels(row_bytes * static_cast<size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows go bottom-up; PNG's go top-down. Opaque alpha so the
    // image looks like the window.
    std::vector<std::uint8_t> flipped(pixels.size());
    for (int y = 0; y < height; ++y) {
        const auto* src = pixels.data() + static_cast<size_t>(height - 1 - y) * row_bytes;
        auto* dst = flipped.data() + static_cast<size_t>(y) * row_bytes;
        for (size_t x = 0; x < row_bytes; x += 4) {
            dst[x] = src[x];
            dst[x + 1] = src[x + 1];
            dst[x + 2] = src[x + 2];
            dst[x + 3] = 255;
        }
    }
    if (!stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(row_bytes)))
        throw Error("cannot write screenshot " + path);
}

}  // namespace rapport::gui
