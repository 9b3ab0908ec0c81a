// Saves the current OpenGL framebuffer as a PNG (for --screenshot and tests).
#pragma once

#include <string>

namespace rapport::gui {
// Reads the back buffer of the current context (width x height pixels) and
// writes it to path. Throws rapport::Error naming the file on failure.
void save_framebuffer_png(const std::string& path, int width, int height);
}
