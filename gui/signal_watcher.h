// Turns SIGINT and SIGTERM into a clean shutdown.
//
// The signals are blocked in every thread and received by one small thread
// with sigwait(), which sets a flag and wakes the event loop with
// glfwPostEmptyEvent() (safe from any thread, unlike a signal handler).
#pragma once

#include <atomic>
#include <thread>

namespace rapport::gui {

// Blocks SIGINT, SIGTERM (and the watcher's private stop signal) in the
// calling thread; call first thing in main, before any thread exists.
void block_shutdown_signals();

class SignalWatcher {
public:
    SignalWatcher();  // starts the watching thread
    ~SignalWatcher();  // stops it (call before glfwTerminate)
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

    bool quit_requested() const { return quit_.load(); }

private:
    std::atomic<bool> quit_{false};
    std::thread thread_;
};

}  // namespace rapport::gui
