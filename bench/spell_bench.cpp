// How long the spelling check takes on a 300-word thank-you note, in English
// and French. Target: under 5 ms a check, so the app can check as the user
// types.
//
//   build/bench/spell_bench [runs]
//
// Reported per language: loading the dictionary (once per program), a check
// with a fresh checker (every word goes to Hunspell), a check with a warm
// checker (as when re-checking after each keystroke), and the suggestions
// for the misspelled words, first asked (slow: Hunspell) and again (cached).
#include "engine/language/text_checker.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace rapport;
using Clock = std::chrono::steady_clock;

namespace {

// About 100 words each; repeated three times: ~300 words, 6 misspellings.
const char* kEnglishParagraph =
    "Dear Zoë, thank you again for the half hour you gave me on Tuesday at the Nordlys office. "
    "Hearing how you moved from field surveys into geospatial data work was the most useful "
    "part of my week, and I realy appreciated your frank view of what the first two years look "
    "like. I have already signed up for the open data meetup you mentioned, and I will read "
    "the municipal planning report before our next conversation. Your advice to keep a small "
    "portfolio of maps struck me as practical, so I started one last night. I will let you know "
    "how my search unfolds in the coming months, and I hope to return the favour somehow.\n\n";

const char* kFrenchParagraph =
    "Bonjour Zoë, merci encore pour la demi-heure que vous m'avez accordée mardi dans les "
    "bureaux de Nordlys. Entendre comment vous êtes passée des relevés de terrain à l'analyse "
    "de données géographiques a été le moment le plus utile de ma semaine, et j'ai beaucoup "
    "apprécié votre regard franc sur les deux premières anées du métier. Je me suis déjà "
    "inscrit à la rencontre sur les données ouvertes dont vous m'avez parlé, et je lirai le "
    "rapport d'urbanisme avant notre prochain échange. Votre conseil de tenir un petit "
    "portfolio de cartes m'a semblé très concret ; j'en ai commencé un hier soir. Je vous "
    "tiendrai au courant de la suite de mes démarches dans les prochains mois.\n\n";

std::string three_times(const char* paragraph) {
    return std::string(paragraph) + paragraph + paragraph;
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Stats {
    double median, p99;
};

Stats stats(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[samples.size() * 99 / 100]};
}

void bench(SpellLanguage language, const std::string& text, int runs) {
    const PersonalWords words({"Zoë Ångström", "Nordlys"});
    int word_count = 0;
    WordTokenizer tokenizer;
    for (const auto& token : tokenizer.tokens(text)) word_count += token.skipped ? 0 : 1;

    auto start = Clock::now();
    auto dictionary = Dictionary::shared(language);
    const double load_ms = ms_since(start);

    std::vector<double> fresh, warm;
    std::size_t issues = 0;
    TextChecker warm_checker(language, words, dictionary);
    for (int i = 0; i < runs; ++i) {
        TextChecker checker(language, words, dictionary);
        start = Clock::now();
        issues = checker.check(text).size();
        fresh.push_back(ms_since(start));
        start = Clock::now();
        warm_checker.check(text);
        warm.push_back(ms_since(start));
    }
    auto found = warm_checker.check(text);
    start = Clock::now();
    warm_checker.add_suggestions(found);
    const double suggest_first_ms = ms_since(start);
    found = warm_checker.check(text);  // the cached suggestions come with the check
    start = Clock::now();
    warm_checker.add_suggestions(found);
    const double suggest_again_ms = ms_since(start);

    const Stats f = stats(fresh), w = stats(warm);
    std::printf("%-16s %3d words, %zu issues | load %6.1f ms | check fresh median %.3f ms p99 %.3f ms"
                " | warm median %.3f ms p99 %.3f ms | suggestions first %.0f ms, again %.3f ms\n",
                std::string(spell_language_info(language).name).c_str(), word_count, issues, load_ms,
                f.median, f.p99, w.median, w.p99, suggest_first_ms, suggest_again_ms);
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(10, std::atoi(argv[1])) : 200;
    bench(SpellLanguage::en_us, three_times(kEnglishParagraph), runs);
    bench(SpellLanguage::en_gb, three_times(kEnglishParagraph), runs);
    bench(SpellLanguage::fr, three_times(kFrenchParagraph), runs);
    return 0;
}
