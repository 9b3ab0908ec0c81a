// The length of a meeting when nobody said: 20 minutes, the usual request for
// an informational interview. Shared by records and question sheets.
#pragma once

namespace rapport {
inline constexpr int kDefaultMeetingMinutes = 20;
}
