// rapport-cli contact add|list|show|edit|rm: the people in the campaign.
#include "cli/context.h"
#include "engine/records/contacts.h"
#include "engine/records/data_export.h"
#include "engine/base/json_source.h"
#include "engine/records/meetings.h"
#include "engine/base/private_file.h"
#include "engine/followups/vcard.h"

#include <iostream>
#include <map>
#include <memory>

namespace rapport::cli {
namespace {

// The editable fields, shared by "add" and "edit".
struct ContactFields {
    std::string name, company, role, email, phone, link, how_met, notes;
    std::vector<std::string> tags;
    std::int64_t referred_by = 0;
    std::map<std::string, CLI::Option*> options;

    std::optional<std::string> value(const std::string& option, const std::string& v) const {
        return given(options.at(option), v);
    }
};

// Adds the field options to cmd; their values land in the returned fields.
std::shared_ptr<ContactFields> add_field_options(CLI::App* cmd) {
    auto fields = std::make_shared<ContactFields>();
    auto& f = *fields;
    f.options["name"] = cmd->add_option("--name", f.name, "Full name");
    f.options["company"] = cmd->add_option("--company", f.company, "Organization");
    f.options["role"] = cmd->add_option("--role", f.role, "Role or job title");
    f.options["email"] = cmd->add_option("--email", f.email, "Email address");
    f.options["phone"] = cmd->add_option("--phone", f.phone, "Phone number");
    f.options["link"] = cmd->add_option("--link", f.link, "Profile page");
    f.options["how-met"] = cmd->add_option("--how-met", f.how_met, "How you met or found them");
    f.options["referred-by"] =
        cmd->add_option("--referred-by", f.referred_by, "Id of the contact who referred them");
    f.options["notes"] = cmd->add_option("--notes", f.notes, "Free notes");
    f.options["tag"] = cmd->add_option("--tag", f.tags, "Industry tag (repeat for several)");
    return fields;
}

void print_contact_line(const Contact& c) {
    std::cout << c.id << "\t" << c.name;
    if (!c.company.empty()) std::cout << ", " << c.company;
    if (!c.role.empty()) std::cout << " (" << c.role << ")";
    std::cout << "\n";
}

void print_contact_details(Database& db, const Contact& c, const std::vector<Meeting>& meetings) {
    auto row = [](const char* label, const std::string& value) {
        if (!value.empty()) std::cout << label << value << "\n";
    };
    std::cout << c.name << " (#" << c.id << ")\n";
    row("company:     ", c.company);
    row("role:        ", c.role);
    std::string tags;
    for (const auto& t : c.tags) tags += (tags.empty() ? "" : ", ") + t;
    row("tags:        ", tags);
    row("email:       ", c.email);
    row("phone:       ", c.phone);
    row("link:        ", c.link);
    row("how met:     ", c.how_met);
    if (c.referred_by)
        if (auto by = find_contact(db, *c.referred_by))
            row("referred by: ", by->name + " (#" + std::to_string(by->id) + ")");
    row("notes:       ", c.notes);
    for (const auto& m : meetings)
        std::cout << "meeting:     " << m.at.wall_clock() << " (#" << m.id << ", " << m.status
                  << ")\n";
}

void add_add(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("add", "Add a contact; prints the new id");
    auto f = add_field_options(cmd);
    f->options.at("name")->required();
    on_run(cmd, ctx, [&ctx, f] {
        Contact c;
        c.name = f->name;
        c.company = f->company;
        c.role = f->role;
        c.email = f->email;
        c.phone = f->phone;
        c.link = f->link;
        c.how_met = f->how_met;
        c.notes = f->notes;
        c.tags = f->tags;
        if (f->options.at("referred-by")->count()) c.referred_by = f->referred_by;
        std::cout << add_contact(ctx.db(), c) << "\n";
    });
}

void add_list(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("list", "List contacts by name");
    auto format = add_text_or_json_format(cmd);
    on_run(cmd, ctx, [&ctx, format] {
        print_listing(*format, list_contacts(ctx.db()), contact_json, print_contact_line);
    });
}

void add_show(CLI::App* group, Context& ctx) {
    add_show_command(group, ctx, "Show one contact with their meetings", "Contact id",
                     [](Database& db, std::int64_t id, bool json) {
                         const Contact c = get_contact(db, id);
                         const auto meetings = list_meetings(db, c.id);
                         if (!json) return print_contact_details(db, c, meetings);
                         auto out = contact_json(c);
                         out["meetings"] = nlohmann::ordered_json::array();
                         for (const auto& m : meetings) out["meetings"].push_back(meeting_json(m));
                         print_json(out);
                     });
}

void add_edit(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("edit", "Change the given fields of a contact");
    auto id = add_id_argument(cmd, "Contact id");
    auto f = add_field_options(cmd);
    f->options["tag"]->description("Industry tag (repeat for several; replaces the tags)");
    auto clear_referrer = std::make_shared<bool>(false);
    cmd->add_flag("--no-referred-by", *clear_referrer, "Forget who referred them")
        ->excludes(f->options.at("referred-by"));
    on_run(cmd, ctx, [&ctx, id, f, clear_referrer] {
        ContactChanges ch;
        ch.name = f->value("name", f->name);
        ch.company = f->value("company", f->company);
        ch.role = f->value("role", f->role);
        ch.email = f->value("email", f->email);
        ch.phone = f->value("phone", f->phone);
        ch.link = f->value("link", f->link);
        ch.how_met = f->value("how-met", f->how_met);
        ch.notes = f->value("notes", f->notes);
        if (f->options.at("tag")->count()) ch.tags = f->tags;
        if (f->options.at("referred-by")->count()) ch.referred_by = f->referred_by;
        if (*clear_referrer) ch.referred_by = std::optional<std::int64_t>();
        edit_contact(ctx.db(), *id, ch);
    });
}

void add_rm(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("rm", "Remove a contact");
    auto id = add_id_argument(cmd, "Contact id");
    auto with_meetings = std::make_shared<bool>(false);
    cmd->add_flag("--with-meetings", *with_meetings,
                  "Also remove their meetings, sheets and debriefs");
    on_run(cmd, ctx, [&ctx, id, with_meetings] {
        remove_contact(ctx.db(), *id, *with_meetings);
    });
}

void add_vcard_export(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("export", "Write all contacts as vCard 3.0 for address books");
    struct Options {
        std::string format, out;
    };
    auto o = std::make_shared<Options>();
    add_format_option(cmd, o->format, {"vcf"});
    cmd->add_option("--out", o->out, "File to write (default: stdout); created mode 0600");
    on_run(cmd, ctx, [&ctx, o] {
        const std::string text = contacts_to_vcard(list_contacts(ctx.db()));
        if (o->out.empty() || o->out == "-") std::cout << text;
        else write_private_file(o->out, text);
    });
}

void add_vcard_import(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("import", "Add the contacts of a vCard file (3.0 or 4.0)");
    auto file = std::make_shared<std::string>();
    cmd->add_option("FILE", *file, "A .vcf file")->required();
    on_run(cmd, ctx, [&ctx, file] {
        const auto contacts = contacts_from_vcard(read_text_file(*file), *file);
        const auto result = import_vcard_contacts(ctx.db(), contacts);
        for (auto id : result.added) std::cout << id << "\n";
        if (result.skipped)
            std::cerr << "skipped " << result.skipped << " contact(s) already present\n";
    });
}

}  // namespace

void add_contact_commands(CLI::App& app, Context& ctx) {
    add_command_group(app, ctx, "contact", "Add, list, show, edit and remove contacts",
                      {add_add, add_list, add_show, add_edit, add_rm, add_vcard_export,
                       add_vcard_import});
}

}  // namespace rapport::cli
