#include "gui/signal_watcher.h"

#include <GLFW/glfw3.h>

#include <pthread.h>
#include <signal.h>

namespace rapport::gui {
namespace {

// SIGUSR1 tells the watcher thread to stop without quitting the app.
sigset_t watched_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGUSR1);
    return set;
}

}  // namespace

void block_shutdown_signals() {
    sigset_t set = watched_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalWatcher::SignalWatcher() {
    thread_ = std::thread([this] {
        sigset_t set = watched_signals();
        int signal_number = 0;
        while (sigwait(&set, &signal_number) == 0) {
            if (signal_number == SIGUSR1) return;
            quit_ = true;
            glfwPostEmptyEvent();
        }
    });
}

SignalWatcher::~SignalWatcher() {
    pthread_kill(thread_.native_handle(), SIGUSR1);
    thread_.join();
}

}  // namespace rapport::gui
