// What a form shows when the engine refuses a save: the message next to the
// field it names, or above the form when it names none.
//
// The engine names the field at the start of its messages ("name: must not
// be empty", "at: '2025-02-30T10:00' is not a real calendar date"), so the
// checks stay in the engine and the form only sorts the message to its place.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>

namespace rapport::gui {

class FormMessages {
public:
    // Files `message` under the first of `fields` it starts with ("FIELD: …",
    // kept without that prefix), else as the message of the whole form.
    void add(std::string_view message, std::span<const std::string_view> fields);
    void clear();

    bool empty() const { return by_field_.empty() && form_.empty(); }
    // The message for this field, or null.
    const std::string* field(std::string_view name) const;
    const std::string& form() const { return form_; }

private:
    std::map<std::string, std::string, std::less<>> by_field_;
    std::string form_;
};

}  // namespace rapport::gui
