#include "engine/audio/script_language_model.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace rapport {
namespace {

using Gram = std::vector<std::string>;

constexpr double kScriptUnigramShare = 0.85;
constexpr double kFillerUnigramShare = 0.09;  // the rest goes to the escape words

std::string log10_text(double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", std::log10(p));
    return buf;
}

// One ARPA line: log10 probability, the words, and the back-off weight if any.
void append_entry(std::string& arpa, const std::string& log_prob, const Gram& g, std::optional<double> backoff) {
    arpa.append(log_prob);
    for (const auto& w : g) arpa.append(1, ' ').append(w);
    if (backoff) arpa.append(1, ' ').append(log10_text(*backoff));
    arpa.append(1, '\n');
}

}  // namespace

const std::vector<std::string>& escape_words() {
    static const std::vector<std::string> words = {
        "a", "an", "and", "the", "i", "you", "we", "it", "is", "was", "to", "of", "in", "on",
        "for", "with", "that", "this", "so", "but", "or", "my", "me", "like", "know", "mean",
        "really", "just", "actually", "well", "yes", "no", "not", "have", "had", "do", "did",
        "am", "are", "be", "what", "how", "about", "at", "as", "then", "also", "very", "sorry",
        "okay", "right", "think", "work", "working", "people", "time", "year", "years"};
    return words;
}

std::string build_script_language_model(const std::vector<std::vector<std::string>>& sentences) {
    // The script as one stream: <s> words of every sentence </s>.
    Gram stream{"<s>"};
    for (const auto& s : sentences) stream.insert(stream.end(), s.begin(), s.end());
    stream.push_back("</s>");

    std::map<Gram, int> counts[3];
    for (std::size_t i = 0; i < stream.size(); ++i)
        for (std::size_t n = 1; n <= 3 && i + n <= stream.size(); ++n)
            ++counts[n - 1][Gram(stream.begin() + long(i), stream.begin() + long(i + n))];

    // Single words.
    std::map<std::string, double> unigram;
    double script_tokens = 0;
    for (const auto& [g, c] : counts[0])
        if (g[0] != "<s>") script_tokens += c;
    for (const auto& [g, c] : counts[0])
        if (g[0] != "<s>") unigram[g[0]] += kScriptUnigramShare * c / script_tokens;
    for (const auto& f : kFillerWords) unigram[f] += kFillerUnigramShare / double(kFillerWords.size());
    const double escape_share = 1 - kScriptUnigramShare - kFillerUnigramShare;
    for (const auto& w : escape_words()) unigram[w] += escape_share / double(escape_words().size());

    // P(w | history) for the n-grams the script holds: a fixed share of the
    // history's probability, split by how often each word follows it.
    std::map<Gram, std::map<std::string, double>> prob[3];
    for (std::size_t order = 2; order <= 3; ++order) {
        std::map<Gram, int> history_total;
        for (const auto& [g, c] : counts[order - 1]) history_total[Gram(g.begin(), g.end() - 1)] += c;
        for (const auto& [g, c] : counts[order - 1]) {
            const Gram history(g.begin(), g.end() - 1);
            prob[order - 1][history][g.back()] = kScriptFollowShare * c / history_total[history];
        }
    }

    // Lower-order probability of a word after a history (for back-off weights).
    auto lower = [&](const Gram& history, const std::string& w) -> double {
        if (history.size() <= 1) return unigram.count(w) ? unigram.at(w) : 0.0;
        const Gram shorter(history.begin() + 1, history.end());
        const auto& h = prob[shorter.size()];
        if (auto it = h.find(shorter); it != h.end())
            if (auto jt = it->second.find(w); jt != it->second.end()) return jt->second;
        return 0.0;
    };
    // Back-off weight of a history: what its seen followers leave, spread
    // over the lower order's mass for the others.
    auto backoff = [&](const Gram& history) -> double {
        const auto& h = prob[history.size()];
        const auto it = h.find(history);
        if (it == h.end()) return 1.0;
        double seen = 0, seen_lower = 0;
        for (const auto& [w, p] : it->second) {
            seen += p;
            seen_lower += lower(history, w);
        }
        return std::max(1e-6, (1 - seen) / std::max(1e-6, 1 - seen_lower));
    };

    std::string arpa = "\\data\\\n";
    std::size_t n2 = 0, n3 = 0;
    for (const auto& [h, f] : prob[1]) n2 += f.size();
    for (const auto& [h, f] : prob[2]) n3 += f.size();
    arpa += "ngram 1=" + std::to_string(unigram.size() + 1) + "\n";
    arpa += "ngram 2=" + std::to_string(n2) + "\n";
    arpa += "ngram 3=" + std::to_string(n3) + "\n\n\\1-grams:\n";
    append_entry(arpa, "-99.0000", {"<s>"}, backoff({"<s>"}));
    for (const auto& [w, p] : unigram)
        append_entry(arpa, log10_text(p), {w}, prob[1].count({w}) ? std::optional(backoff({w})) : std::nullopt);
    arpa += "\n\\2-grams:\n";
    for (const auto& [h, followers] : prob[1])
        for (const auto& [w, p] : followers) {
            const Gram g{h[0], w};
            append_entry(arpa, log10_text(p), g, prob[2].count(g) ? std::optional(backoff(g)) : std::nullopt);
        }
    arpa += "\n\\3-grams:\n";
    for (const auto& [h, followers] : prob[2])
        for (const auto& [w, p] : followers) append_entry(arpa, log10_text(p), {h[0], h[1], w}, std::nullopt);
    arpa += "\n\\end\\\n";
    return arpa;
}

}  // namespace rapport
