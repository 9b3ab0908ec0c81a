// The calendar button beside a date field: a month grid in the user's
// language (first day of the week as ICU says), hour and minute, and "Use
// this date", which writes "2026-11-30 10:00" into the field. Typing in the
// field still works; the picker opens on what the field holds when it can be
// read, else on the next full hour.
#pragma once

#include "gui/models/date_picker_model.h"

#include <string>
#include <string_view>

namespace rapport::gui {

// Returns true when the user picked a date (text changed).
bool date_picker_button(const char* id, std::string& text, DatePickerModel& picker,
                        std::string_view language);

}  // namespace rapport::gui
