// A single-producer single-consumer ring of floats, lock-free: the audio
// callback pushes, one reader thread pops. Neither side blocks nor
// allocates (the storage is made once, in the constructor); when the reader
// falls behind, push() keeps what fits and reports the rest as dropped.
#pragma once

#include <atomic>
#include <cstddef>
#include <vector>

namespace rapport {

class SampleRing {
public:
    explicit SampleRing(std::size_t capacity) : buffer_(capacity + 1) {}

    // Producer side. Returns how many samples did not fit.
    std::size_t push(const float* samples, std::size_t count) {
        const std::size_t head = head_.load(std::memory_order_relaxed);
        const std::size_t tail = tail_.load(std::memory_order_acquire);
        const std::size_t free = (tail + buffer_.size() - head - 1) % buffer_.size();
        const std::size_t n = count < free ? count : free;
        for (std::size_t i = 0; i < n; ++i) buffer_[(head + i) % buffer_.size()] = samples[i];
        head_.store((head + n) % buffer_.size(), std::memory_order_release);
        return count - n;
    }

    // Consumer side: appends everything available to out (out may allocate:
    // the reader is not the audio thread).
    std::size_t pop_into(std::vector<float>& out) {
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        const std::size_t head = head_.load(std::memory_order_acquire);
        const std::size_t n = (head + buffer_.size() - tail) % buffer_.size();
        for (std::size_t i = 0; i < n; ++i) out.push_back(buffer_[(tail + i) % buffer_.size()]);
        tail_.store((tail + n) % buffer_.size(), std::memory_order_release);
        return n;
    }

private:
    std::vector<float> buffer_;
    std::atomic<std::size_t> head_{0};  // next write
    std::atomic<std::size_t> tail_{0};  // next read
};

}  // namespace rapport
