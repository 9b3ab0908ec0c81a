// When an edit typed in a screen falls due for saving: the "saved within a
// second" promise. An edit starts the wait; further edits do not extend it,
// so steady typing is still saved every kSaveDelay.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>

namespace rapport::gui {

class Debounce {
public:
    using Clock = std::chrono::steady_clock;
    using Now = std::function<Clock::time_point()>;
    static constexpr Clock::duration kSaveDelay = std::chrono::milliseconds(800);
    static constexpr Clock::duration kNever = Clock::duration::max();

    explicit Debounce(Now now) : now_(std::move(now)) {}

    void edited() {
        if (!since_) since_ = now_();
    }
    void clear() { since_.reset(); }
    bool pending() const { return since_.has_value(); }
    bool due() const { return since_ && now_() - *since_ >= kSaveDelay; }
    // How long until due(); kNever when nothing is pending.
    Clock::duration wait() const {
        if (!since_) return kNever;
        return std::max(Clock::duration::zero(), *since_ + kSaveDelay - now_());
    }

private:
    Now now_;
    std::optional<Clock::time_point> since_;
};

}  // namespace rapport::gui
