// rapport-cli profile show|set: who the user is, for drafts and the pitch.
#include "cli/context.h"
#include "engine/records/profile.h"
#include "engine/records/record_checks.h"

#include <iostream>
#include <memory>

namespace rapport::cli {
namespace {

nlohmann::ordered_json profile_json(const Profile& p) {
    return {{"name", p.name},   {"field", p.field}, {"goals", p.goals}, {"background", p.background},
            {"email", p.email}, {"phone", p.phone}, {"language", p.language},
            {"english_spelling", p.english_spelling}, {"default_minutes", p.default_minutes},
            {"speaking_wpm", p.speaking_wpm}};
}

}  // namespace

void add_profile_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("profile", "Your profile, used by drafts and the pitch");
    group->require_subcommand(1);

    auto* show = group->add_subcommand("show", "Show the profile");
    auto format = add_text_or_json_format(show);
    on_run(show, ctx, [&ctx, format] {
        const Profile p = load_profile(ctx.db());
        if (*format == "json") {
            print_json(profile_json(p));
            return;
        }
        std::string goals;
        for (const auto& g : p.goals) goals += (goals.empty() ? "" : ", ") + g;
        std::cout << "name:       " << p.name << "\nfield:      " << p.field
                  << "\ngoals:      " << goals << "\nbackground: " << p.background
                  << "\nemail:      " << p.email << "\nphone:      " << p.phone
                  << "\nlanguage:   " << p.language << "\nspelling:   " << p.english_spelling
                  << "\nminutes:    " << p.default_minutes
                  << "\nwpm:        " << (p.speaking_wpm ? std::to_string(p.speaking_wpm) : "") << "\n";
    });

    auto* set = group->add_subcommand("set", "Change the given fields of the profile");
    struct Options {
        std::string name, field, background, email, phone, language, english_spelling;
        std::vector<std::string> goals;
        int minutes = 0, wpm = 0;
        std::vector<CLI::Option*> options;
    };
    auto o = std::make_shared<Options>();
    o->options = {set->add_option("--name", o->name, "Your name"),
                  set->add_option("--field", o->field, "Field, industry or role you explore"),
                  set->add_option("--background", o->background, "A sentence about you"),
                  set->add_option("--email", o->email, "Your email"),
                  set->add_option("--phone", o->phone, "Your phone"),
                  set->add_option("--lang", o->language, "Language of checklists and drafts: en|fr"),
                  set->add_option("--goal", o->goals, "A goal (repeat; replaces the goals)"),
                  set->add_option("--minutes", o->minutes, "Default meeting length in minutes (5-180)"),
                  set->add_option("--wpm", o->wpm, "Your usual speaking rate, words per minute (0 clears)"),
                  set->add_option("--spelling", o->english_spelling,
                                  "How you spell English, for the spelling check: en (US)|en-ca|en-gb")};
    on_run(set, ctx, [&ctx, o] {
        ProfileChanges ch;
        ch.name = given(o->options[0], o->name);
        ch.field = given(o->options[1], o->field);
        ch.background = given(o->options[2], o->background);
        ch.email = given(o->options[3], o->email);
        ch.phone = given(o->options[4], o->phone);
        ch.language = given(o->options[5], o->language);
        if (o->options[6]->count()) {
            // Goals are the tags file's goal ids, as drafts and sheets read them.
            const std::string lang = ch.language.value_or(load_profile(ctx.db()).language);
            const TagSet& tags = ctx.banks().require_tags(lang);
            for (const auto& goal : o->goals) tags.require_goal(goal);
            ch.goals = o->goals;
        }
        if (o->options[7]->count()) ch.default_minutes = o->minutes;
        if (o->options[8]->count()) ch.speaking_wpm = o->wpm;
        // Checked before anything is saved, so a bad value changes nothing.
        if (o->options[9]->count()) require_one_of("english_spelling", o->english_spelling,
                                                   kProfileEnglishSpellings);
        update_profile(ctx.db(), ch);
        if (o->options[9]->count()) set_english_spelling(ctx.db(), o->english_spelling);
    });
}

}  // namespace rapport::cli
