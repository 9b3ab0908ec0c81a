#include "engine/pitch/wording.h"

#include <cctype>

namespace rapport {
namespace {

// The English wording is the coach's original; the French one is written for
// French pitches (vouvoiement, French typography), not translated word for word.
const PitchWording kEnglish{
    "\u201C", "\u201D", "\"", "\"", " s", " x{n}",
    "About {seconds} at {wpm} words per minute",
    "{at_rate}: longer than the {target} target allows (up to {highest}). Cut about {words} words.",
    "{at_rate}: shorter than the {target} target needs (at least {lowest}). Add about {words} words.",
    "{at_rate}: right for your {target} target.",
    "{at_rate} (no target chosen; most pitches run {shortest} to 2 min).",
    "Asks for a job ({sentences}): an informational interview is for learning about the field, "
    "not for asking for work, a referral for a post or a push for an application. Take this out; "
    "asking to be introduced to people to learn from is fine.",
    "Filler words: {list}. Leave them out: they take time and say nothing.",
    "Sentence {number} (\"{start}...\") has {words} words (more than {limit}): split it so it is "
    "easy to say and to follow.",
    "No {name}: nothing says {description}.",
    "Take out {sentence}: it asks for a job or to push an application, which puts the listener "
    "on the spot. Ask to learn, and for people worth meeting, instead.",
    "Add {your}: say {description}.",
    " For example: {example}",
    " Your profile says you hope for: {goals}.",
    "Make {your} clearer: {sentence} only hints at {description}.",
    "Good ask, keep it: {sentence} asks to meet people to learn from, which is what these "
    "conversations are for.",
    "More ({n})", "Less", "More:", "(maybe)",
    {"interest", "skills", "knowledge", "education", "experience", "strengths", "accomplishments",
     "goals"},
    {"Interest", "Skills", "Knowledge", "Education", "Experience", "Strengths", "Accomplishments",
     "Goals"},
    {"your interest", "your skills", "your knowledge", "your education", "your experience",
     "your strengths", "your accomplishments", "your goals"},
    {"which field you want to learn about and why",
     "what you can do, with a tool or method you use",
     "what you know well that matters in the field",
     "what you study or studied, and where",
     "what you have done (jobs, internships, volunteering)",
     "what you are good at, or what others rely on you for",
     "a result you are proud of, with a number or an award",
     "what you are aiming for next"},
};

const PitchWording kFrench{
    "\u00AB\u00A0", "\u00A0\u00BB", "\u00AB\u00A0", "\u00A0\u00BB", "\u00A0s", "\u00A0\u00D7{n}",
    "Environ {seconds} à {wpm}\u00A0mots par minute",
    "{at_rate}\u00A0: c’est plus long que ne le permet l’objectif de {target} (jusqu’à "
    "{highest}). Retirez environ {words}\u00A0mots.",
    "{at_rate}\u00A0: c’est plus court que ne le demande l’objectif de {target} (au moins "
    "{lowest}). Ajoutez environ {words}\u00A0mots.",
    "{at_rate}\u00A0: c’est la bonne longueur pour votre objectif de {target}.",
    "{at_rate} (aucun objectif choisi\u00A0; la plupart des pitchs durent de {shortest} à "
    "2\u00A0min).",
    "Demande d’emploi ({sentences})\u00A0: un entretien informatif sert à découvrir un métier, "
    "pas à demander un poste, une recommandation pour une offre ou un coup de pouce pour une "
    "candidature. Retirez cette phrase\u00A0; demander à être présenté à des personnes dont vous "
    "pourriez apprendre est, en revanche, tout à fait bienvenu.",
    "Mots de remplissage\u00A0: {list}. Supprimez-les\u00A0: ils prennent du temps sans rien dire.",
    "La phrase {number} (\u00AB\u00A0{start}\u2026\u00A0\u00BB) compte {words}\u00A0mots (plus de "
    "{limit})\u00A0: coupez-la pour qu’elle soit facile à dire et à suivre.",
    "{label}\u00A0: rien ne dit {description}.",
    "Retirez {sentence}\u00A0: cette phrase demande un emploi ou un coup de pouce pour une "
    "candidature, ce qui met votre interlocuteur dans l’embarras. Demandez plutôt à apprendre, "
    "et quelles personnes il vaudrait la peine de rencontrer.",
    "Ajoutez {your}\u00A0: dites {description}.",
    " Par exemple\u00A0: {example}",
    " D’après votre profil, vous visez\u00A0: {goals}.",
    "Précisez {your}\u00A0: {sentence} laisse seulement deviner {description}.",
    "Bonne demande, à garder\u00A0: {sentence} propose de rencontrer des personnes dont vous "
    "pourriez apprendre, et c’est tout l’objet de ces rencontres.",
    "Voir la suite ({n})", "Voir moins", "Suite\u00A0:", "(peut-être)",
    {"intérêt", "compétences", "connaissances", "formation", "expérience", "points forts",
     "réalisations", "objectifs"},
    {"Intérêt", "Compétences", "Connaissances", "Formation", "Expérience", "Points forts",
     "Réalisations", "Objectifs"},
    {"votre intérêt pour le domaine", "vos compétences", "vos connaissances", "votre formation",
     "votre expérience", "vos points forts", "vos réalisations", "vos objectifs"},
    {"quel domaine vous voulez découvrir, et pourquoi",
     "ce que vous savez faire, avec un outil ou une méthode que vous utilisez",
     "ce que vous connaissez bien et qui compte dans ce domaine",
     "ce que vous étudiez ou avez étudié, et où",
     "ce que vous avez fait (emplois, stages, bénévolat)",
     "ce que vous faites particulièrement bien, ou ce pour quoi on compte sur vous",
     "quel résultat vous avez obtenu, avec un chiffre ou une distinction",
     "ce que vous visez pour la suite"},
};

bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// À..Þ (not ×) in UTF-8: 0xC3 0x80..0x9E.
bool is_latin1_upper(std::string_view s, std::size_t i) {
    return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC3 &&
           static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
           static_cast<unsigned char>(s[i + 1]) <= 0x9E && static_cast<unsigned char>(s[i + 1]) != 0x97;
}

bool has_upper(std::string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i)
        if (is_ascii_upper(static_cast<unsigned char>(word[i])) || is_latin1_upper(word, i)) return true;
    return false;
}

// "Health" -> "health", "Économie" -> "économie"; "UX", "iOS", "McKinsey" unchanged.
std::string lower_initial(std::string word) {
    if (word.empty()) return word;
    const std::size_t initial = is_latin1_upper(word, 0) ? 2 : 1;
    if (initial == 1 && !is_ascii_upper(static_cast<unsigned char>(word[0]))) return word;
    if (has_upper(std::string_view(word).substr(initial))) return word;
    if (initial == 2) word[1] = static_cast<char>(word[1] + 0x20);
    else word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    return word;
}

}  // namespace

const PitchWording& pitch_wording(std::string_view language) {
    return language == "fr" ? kFrench : kEnglish;
}

std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '{')
            for (const auto& [name, value] : values)
                if (text.substr(i + 1).starts_with(name) && text.substr(i + 1 + name.size()).starts_with('}')) {
                    out += value;
                    i += name.size() + 2;
                    replaced = true;
                    break;
                }
        if (!replaced) out += text[i++];
    }
    return out;
}

std::string field_in_sentence(std::string_view field) {
    const std::string_view blank = " \t\r\n";
    const std::size_t first = field.find_first_not_of(blank);
    if (first == std::string_view::npos) return "";
    field = field.substr(first, field.find_last_not_of(blank) - first + 1);
    while (!field.empty() && (field.back() == '.' || field.back() == ' ')) field.remove_suffix(1);
    std::string out;
    for (std::size_t i = 0; i < field.size();) {
        const std::size_t end = std::min(field.find(' ', i), field.size());
        out += lower_initial(std::string(field.substr(i, end - i)));
        if (end < field.size()) out += ' ';
        i = end + 1;
    }
    return out;
}

}  // namespace rapport
