#include "engine/audio/speech_recognizer.h"

#include "engine/audio/script_language_model.h"
#include "engine/base/error.h"

#include <pocketsphinx.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace rapport {
namespace {

namespace fs = std::filesystem;

// A private scratch folder for the decoder's input files, removed on exit.
class ScratchDir {
public:
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "rapport-asr-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw Error("cannot create a temporary folder for recognition");
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) throw Error(path.string() + ": cannot write");
}

// The dictionary lines for `words`: the CMU entries (with their variants
// "word(2)"), or a spelled-out pronunciation.
std::string dictionary_for(const std::set<std::string>& words) {
    const fs::path cmudict = english_model_dir().parent_path() / "cmudict-en-us.dict";
    std::ifstream in(cmudict);
    if (!in) throw Error(cmudict.string() + ": cannot read the pronunciation dictionary");
    std::string out, line;
    std::set<std::string> found;
    while (std::getline(in, line)) {
        const auto space = line.find(' ');
        if (space == std::string::npos) continue;
        std::string head = line.substr(0, space);
        if (const auto paren = head.find('('); paren != std::string::npos) head.resize(paren);
        if (!words.count(head)) continue;
        found.insert(head);
        out += line + "\n";
    }
    // Weak forms the dictionary lacks: unstressed "am" is said "um" ("I'm
    // not…" said slowly); without this, the script's "am" is heard as a filler.
    if (words.count("am")) out += "am(9) AH M\n";
    for (const auto& w : words)
        if (!found.count(w)) {
            const std::string phones = spelling_to_phones(w);
            if (!phones.empty()) out += w + " " + phones + "\n";
        }
    return out;
}

struct ConfigDeleter {
    void operator()(cmd_ln_t* c) const { cmd_ln_free_r(c); }
};
struct DecoderDeleter {
    void operator()(ps_decoder_t* d) const { ps_free(d); }
};

std::vector<std::int16_t> to_pcm16(std::span<const float> samples) {
    std::vector<std::int16_t> pcm(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i)
        pcm[i] = static_cast<std::int16_t>(std::lround(std::clamp(samples[i], -1.0f, 1.0f) * 32767));
    return pcm;
}

constexpr double kSpanPaddingSeconds = 0.15;

struct Segment {
    std::string word;
    int first_frame = 0, last_frame = 0;
};

bool is_silence(const std::string& word) { return word == "<s>" || word == "</s>" || word == "<sil>"; }

// A hesitation the dictionary has no word for: the model's "spoken noise"
// ([SPEECH]) alone between silences, as long as a drawn-out "uh". A short
// vowel like "uh" matches no script word well, so the decoder files it there;
// spoken noise next to words (a mumbled word, the start of "um") is not one.
bool is_lone_hesitation(const std::vector<Segment>& segments, std::size_t i) {
    constexpr int kShortestFrames = 15, kLongestFrames = 100;  // 0.15-1 s
    const Segment& s = segments[i];
    const int frames = s.last_frame - s.first_frame + 1;
    return s.word == "[SPEECH]" && frames >= kShortestFrames && frames <= kLongestFrames &&
           (i == 0 || is_silence(segments[i - 1].word)) &&
           (i + 1 == segments.size() || is_silence(segments[i + 1].word));
}

// The words of the utterance just decoded (which began `offset` seconds into
// the clip), with lone hesitations as "uh"; silences and noises left out.
void append_words(ps_decoder_t* decoder, double offset, std::vector<RecognizedWord>& words) {
    std::vector<Segment> segments;
    for (ps_seg_t* seg = ps_seg_iter(decoder); seg; seg = ps_seg_next(seg)) {
        Segment s{ps_seg_word(seg)};
        ps_seg_frames(seg, &s.first_frame, &s.last_frame);
        segments.push_back(std::move(s));
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        std::string w = segments[i].word;
        if (is_lone_hesitation(segments, i)) w = "uh";
        if (w.empty() || w[0] == '<' || w[0] == '[') continue;  // silence, noise
        if (const auto paren = w.find('('); paren != std::string::npos) w.resize(paren);  // "that(2)"
        words.push_back({w, offset + segments[i].first_frame * 0.01, offset + (segments[i].last_frame + 1) * 0.01});
    }
}

// Decodes one utterance (seconds of the clip) and appends its words.
void decode_utterance(ps_decoder_t* decoder, const AudioClip& clip, const Pause& utterance,
                      std::vector<RecognizedWord>& words) {
    const double rate = clip.sample_rate;
    const auto first = static_cast<std::size_t>(utterance.start * rate);
    const auto last = std::min(clip.samples.size(), static_cast<std::size_t>(utterance.end * rate));
    if (last <= first) return;
    const std::vector<std::int16_t> pcm = to_pcm16(std::span<const float>(clip.samples).subspan(first, last - first));
    if (ps_start_utt(decoder) < 0) throw Error("speech recognition: cannot start");
    ps_process_raw(decoder, pcm.data(), pcm.size(), FALSE, TRUE);
    ps_end_utt(decoder);
    append_words(decoder, utterance.start, words);
}

}  // namespace

fs::path english_model_dir() {
    if (const char* dir = std::getenv("RAPPORT_SPEECH_MODEL")) return dir;
    return fs::path(RAPPORT_POCKETSPHINX_MODEL_DIR) / "en-us" / "en-us";
}

bool english_model_available() {
    std::error_code ec;
    return fs::exists(english_model_dir() / "mdef", ec) &&
           fs::exists(english_model_dir().parent_path() / "cmudict-en-us.dict", ec);
}

std::string dictionary_spelling(std::string_view word) {
    std::string out;
    bool letter = false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(word[i]);
        if (std::isalpha(c)) {
            out += static_cast<char>(std::tolower(c));
            letter = true;
        } else if (c == '\'' || c == '-') {
            out += static_cast<char>(c);
        } else if (word.substr(i, 3) == "\xE2\x80\x99") {  // ’
            out += '\'';
            i += 2;
        } else if (c >= 0x80) {
            return {};  // accented: not an English dictionary word
        }
    }
    return letter ? out : std::string{};
}

std::string spelling_to_phones(std::string_view word) {
    // Longest match first: a few digraphs, then one phone per letter.
    static const std::vector<std::pair<std::string, std::string>> rules = {
        {"tch", "CH"}, {"th", "TH"}, {"sh", "SH"}, {"ch", "CH"}, {"ph", "F"},  {"ng", "NG"},
        {"ck", "K"},   {"qu", "K W"}, {"ee", "IY"}, {"ea", "IY"}, {"oo", "UW"}, {"ai", "EY"},
        {"ay", "EY"},  {"ou", "AW"}, {"ow", "OW"}, {"oi", "OY"}, {"oy", "OY"}, {"ie", "IY"},
        {"a", "AE"},   {"b", "B"},   {"c", "K"},   {"d", "D"},   {"e", "EH"},  {"f", "F"},
        {"g", "G"},    {"h", "HH"},  {"i", "IH"},  {"j", "JH"},  {"k", "K"},   {"l", "L"},
        {"m", "M"},    {"n", "N"},   {"o", "AA"},  {"p", "P"},   {"q", "K"},   {"r", "R"},
        {"s", "S"},    {"t", "T"},   {"u", "AH"},  {"v", "V"},   {"w", "W"},   {"x", "K S"},
        {"y", "IY"},   {"z", "Z"}};
    std::string letters;
    for (char c : word) {
        if (!std::isalpha(static_cast<unsigned char>(c))) continue;
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const bool doubled_consonant = !letters.empty() && letters.back() == c && !std::strchr("aeiou", c);
        if (!doubled_consonant) letters += c;  // "ll" is one sound; "oo" and "ee" have rules
    }
    if (letters.size() > 2 && letters.back() == 'e') letters.pop_back();  // silent final e
    std::string phones;
    for (std::size_t i = 0; i < letters.size();) {
        const auto rule = std::find_if(rules.begin(), rules.end(), [&](const auto& r) {
            return letters.compare(i, r.first.size(), r.first) == 0;
        });  // every lower-case letter has a rule
        if (!phones.empty()) phones += ' ';
        phones += rule->second;
        i += rule->first.size();
    }
    return phones;
}

std::vector<RecognizedWord> recognize_script_speech(const AudioClip& clip, std::span<const Pause> spans,
                                                    const std::vector<std::vector<std::string>>& sentences) {
    if (!english_model_available())
        throw Error(english_model_dir().string() + ": the English speech model is not installed "
                    "(Debian package pocketsphinx-en-us)");
    std::set<std::string> vocabulary(kFillerWords.begin(), kFillerWords.end());
    vocabulary.insert(escape_words().begin(), escape_words().end());
    for (const auto& s : sentences) vocabulary.insert(s.begin(), s.end());

    ScratchDir scratch;
    write_text(scratch.path() / "script.lm", build_script_language_model(sentences));
    write_text(scratch.path() / "script.dict", dictionary_for(vocabulary));
    const std::string hmm = english_model_dir().string();
    const std::string lm = (scratch.path() / "script.lm").string();
    const std::string dict = (scratch.path() / "script.dict").string();
    // Speed (bench/spoken_pitch_bench: 5.1-5.7 s -> 2.0-2.3 s CPU for a
    // two-minute take, the same sentences and pace found): the Gaussians are
    // scored on every other frame (-ds 2) and the flat second pass is skipped
    // (-fwdflat no); the script's small language model leaves the first pass
    // little to correct.
    std::unique_ptr<cmd_ln_t, ConfigDeleter> config(cmd_ln_init(
        nullptr, ps_args(), TRUE, "-hmm", hmm.c_str(), "-lm", lm.c_str(), "-dict", dict.c_str(),
        "-logfn", "/dev/null", "-samprate", "16000", "-bestpath", "no", "-fwdflat", "no", "-ds", "2", nullptr));
    if (!config) throw Error("speech recognition: bad decoder settings");

    // The stretches as utterances with a little silence around each, but
    // never into the next stretch (a cut in continuous speech has no gap).
    std::vector<Pause> utterances;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const double before = i == 0 ? kSpanPaddingSeconds : (spans[i].start - spans[i - 1].end) / 2;
        const double after = i + 1 == spans.size() ? kSpanPaddingSeconds : (spans[i + 1].start - spans[i].end) / 2;
        utterances.push_back({std::max(0.0, spans[i].start - std::min(kSpanPaddingSeconds, before)),
                              std::min(clip.seconds(), spans[i].end + std::min(kSpanPaddingSeconds, after))});
    }

    // One decoder, in order. Two decoders on two threads, each taking every
    // other utterance, were tried: the decoder carries state from one
    // utterance to the next, and the split changed what was heard (a
    // held-out sentence went from said to skipped), for no CPU saving.
    std::unique_ptr<ps_decoder_t, DecoderDeleter> decoder(ps_init(config.get()));
    if (!decoder) throw Error(hmm + ": speech recognition could not start with this model");
    std::vector<RecognizedWord> words;
    for (const Pause& utterance : utterances) decode_utterance(decoder.get(), clip, utterance, words);
    return words;
}

}  // namespace rapport
