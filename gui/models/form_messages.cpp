#include "gui/models/form_messages.h"

namespace rapport::gui {

void FormMessages::add(std::string_view message, std::span<const std::string_view> fields) {
    for (std::string_view field : fields) {
        const std::string prefix = std::string(field) + ": ";
        if (message.substr(0, prefix.size()) == prefix) {
            by_field_[std::string(field)] = std::string(message.substr(prefix.size()));
            return;
        }
    }
    form_ = std::string(message);
}

void FormMessages::clear() {
    by_field_.clear();
    form_.clear();
}

const std::string* FormMessages::field(std::string_view name) const {
    const auto it = by_field_.find(name);
    return it == by_field_.end() ? nullptr : &it->second;
}

}  // namespace rapport::gui
