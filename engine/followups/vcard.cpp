#include "engine/followups/vcard.h"

#include "engine/base/utf8.h"
#include "engine/records/record_checks.h"

#include <algorithm>
#include <cctype>

namespace rapport {
namespace {

constexpr size_t kFoldOctets = 75;

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

std::string escape_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ',': out += "\\,"; break;
            case ';': out += "\\;"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;
            case '\t': out += c; break;
            default:
                // vCard text has no escape for other control characters (NUL
                // above all): they are left out.
                if (static_cast<unsigned char>(c) >= 0x20) out += c;
        }
    }
    return out;
}

// Splits a content line into CRLF-ended pieces of at most 75 octets; a
// continuation starts with a space and never cuts a UTF-8 sequence.
std::string folded(const std::string& line) {
    std::string out;
    size_t pos = 0;
    bool first = true;
    while (true) {
        const size_t room = first ? kFoldOctets : kFoldOctets - 1;
        if (!first) out += ' ';
        if (line.size() - pos <= room) {
            out.append(line, pos).append("\r\n");
            return out;
        }
        size_t cut = pos + room;
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        // Only continuation bytes (not UTF-8 at all): cut at the limit, so
        // every piece moves on.
        if (cut == pos) cut = pos + room;
        out.append(line, pos, cut - pos).append("\r\n");
        pos = cut;
        first = false;
    }
}

void property(std::string& out, const std::string& name, const std::string& escaped_value) {
    if (!escaped_value.empty()) out += folded(name + ":" + escaped_value);
}

// "Zoë Ångström, PhD" -> family "Ångström", given "Zoë", suffix "PhD".
std::string structured_name(const std::string& full) {
    std::string name = trimmed(full);
    std::string suffix;
    if (const auto comma = name.rfind(','); comma != std::string::npos) {
        suffix = trimmed(name.substr(comma + 1));
        name = trimmed(name.substr(0, comma));
    }
    const auto space = name.find_last_of(' ');
    const std::string family = space == std::string::npos ? name : name.substr(space + 1);
    const std::string given = space == std::string::npos ? "" : trimmed(name.substr(0, space));
    return escape_text(family) + ";" + escape_text(given) + ";;;" + escape_text(suffix);
}

std::string categories(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) {
        if (!out.empty()) out += ',';
        out += escape_text(t);
    }
    return out;
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

struct ContentLine {
    int line = 0;  // where it starts in the file
    std::string name;
    std::string charset;  // the CHARSET parameter, when given
    std::string value;  // still escaped
};

// Undoes folding; remembers the line each logical line starts on.
std::vector<ContentLine> unfolded_lines(std::string_view text) {
    std::vector<ContentLine> out;
    int line_number = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(pos, end - pos));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        ++line_number;
        pos = end + 1;
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !out.empty()) {
            out.back().value += line.substr(1);
            continue;
        }
        if (line.empty()) continue;
        out.push_back({line_number, {}, {}, line});
    }
    return out;
}

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    return text;
}

// "NOTE;CHARSET=ISO-8859-1;ENCODING=8BIT" -> "ISO-8859-1".
std::string charset_parameter(const std::string& head) {
    const std::string key = ";CHARSET=";
    const auto at = upper(head).find(key);
    if (at == std::string::npos) return "";
    std::string value = head.substr(at + key.size());
    value = value.substr(0, value.find(';'));
    std::erase(value, '"');
    return value;
}

// The value as UTF-8: decoded from its declared charset, else kept when it
// is UTF-8, else read as Windows-1252 (old address books write Latin-1
// without saying so).
std::string value_as_utf8(const ContentLine& l, const std::string& where) {
    const std::string charset = upper(l.charset);
    if (charset.empty() || charset == "UTF-8" || charset == "UTF8")
        return utf8_or_windows1252(l.value);
    try {
        return decode_to_utf8(l.value, l.charset);
    } catch (const Error& e) {
        throw Error(where + e.what());
    }
}

// Control bytes other than tab are dropped, as the writer drops them, so a
// card read and written again stays the same (found by fuzz_vcard).
std::string without_control_bytes(std::string text) {
    std::erase_if(text, [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t'; });
    return text;
}

// Splits "item1.EMAIL;TYPE=work:value" into the upper-case property name and
// the value; a colon inside a quoted parameter does not end the name.
bool split_property(ContentLine& l) {
    bool quoted = false;
    for (size_t i = 0; i < l.value.size(); ++i) {
        const char c = l.value[i];
        if (c == '"') quoted = !quoted;
        if (c != ':' || quoted) continue;
        std::string head = l.value.substr(0, i);
        l.charset = charset_parameter(head);
        head = head.substr(0, head.find(';'));
        if (auto dot = head.find('.'); dot != std::string::npos) head = head.substr(dot + 1);
        l.name = upper(head);
        l.value = l.value.substr(i + 1);
        return true;
    }
    return false;
}

// Splits on unescaped separators and unescapes each part.
std::vector<std::string> unescaped_parts(const std::string& value, char separator) {
    std::vector<std::string> parts(1);
    for (size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\\' && i + 1 < value.size()) {
            const char next = value[++i];
            parts.back() += (next == 'n' || next == 'N') ? '\n' : next;
        } else if (c == separator) {
            parts.emplace_back();
        } else {
            parts.back() += c;
        }
    }
    return parts;
}

std::string unescaped(const std::string& value) { return unescaped_parts(value, '\0').front(); }

std::string name_from_structured(const std::string& value) {
    const auto parts = unescaped_parts(value, ';');
    // family;given;additional;prefix;suffix -> "prefix given additional family suffix"
    std::string out;
    for (size_t i : {3u, 1u, 2u, 0u, 4u})
        if (i < parts.size() && !trimmed(parts[i]).empty()) {
            if (!out.empty()) out += ' ';
            out += trimmed(parts[i]);
        }
    return out;
}

void apply_property(Contact& c, std::string& structured, const ContentLine& l) {
    if (l.name == "FN") c.name = unescaped(l.value);
    else if (l.name == "N") structured = name_from_structured(l.value);
    else if (l.name == "ORG") c.company = unescaped_parts(l.value, ';').front();
    else if (l.name == "TITLE") c.role = unescaped(l.value);
    else if (l.name == "EMAIL" && c.email.empty()) c.email = unescaped(l.value);
    else if (l.name == "TEL" && c.phone.empty()) c.phone = unescaped(l.value);
    else if (l.name == "URL" && c.link.empty()) c.link = unescaped(l.value);
    else if (l.name == "NOTE") c.notes = unescaped(l.value);
    else if (l.name == "CATEGORIES")
        for (auto& tag : unescaped_parts(l.value, ',')) c.tags.push_back(trimmed(tag));
}

}  // namespace

std::string contacts_to_vcard(const std::vector<Contact>& contacts) {
    std::string out;
    for (const auto& c : contacts) {
        out += "BEGIN:VCARD\r\nVERSION:3.0\r\n";
        property(out, "FN", escape_text(c.name));
        property(out, "N", structured_name(c.name));
        property(out, "ORG", escape_text(c.company));
        property(out, "TITLE", escape_text(c.role));
        property(out, "EMAIL;TYPE=INTERNET", escape_text(c.email));
        property(out, "TEL", escape_text(c.phone));
        property(out, "URL", escape_text(c.link));
        property(out, "NOTE", escape_text(c.notes));
        property(out, "CATEGORIES", categories(c.tags));
        property(out, "UID", "rapport-contact-" + std::to_string(c.id));
        out += "END:VCARD\r\n";
    }
    return out;
}

std::vector<Contact> contacts_from_vcard(std::string_view text, const std::string& name) {
    std::vector<Contact> out;
    std::optional<Contact> card;
    std::string structured;
    int begin_line = 0;
    for (ContentLine l : unfolded_lines(text)) {
        const std::string where = name + ":" + std::to_string(l.line) + ": ";
        if (!split_property(l)) throw Error(where + "not a vCard line (no ':')");
        l.value = without_control_bytes(value_as_utf8(l, where));
        const std::string value = unescaped(l.value);
        if (l.name == "BEGIN" && value == "VCARD") {
            if (card) throw Error(where + "BEGIN:VCARD inside another card");
            card.emplace();
            structured.clear();
            begin_line = l.line;
        } else if (!card) {
            throw Error(where + "text outside BEGIN:VCARD … END:VCARD");
        } else if (l.name == "VERSION" && value != "3.0" && value != "4.0") {
            throw Error(where + "vCard version " + value + " is not supported (3.0 or 4.0)");
        } else if (l.name == "END" && value == "VCARD") {
            if (trimmed(card->name).empty()) card->name = structured;
            if (trimmed(card->name).empty())
                throw Error(name + ":" + std::to_string(begin_line) + ": a card without a name (FN or N)");
            out.push_back(std::move(*card));
            card.reset();
        } else {
            apply_property(*card, structured, l);
        }
    }
    if (card) throw Error(name + ":" + std::to_string(begin_line) + ": card not closed by END:VCARD");
    return out;
}

VCardImport import_vcard_contacts(Database& db, const std::vector<Contact>& contacts) {
    VCardImport result;
    db.transaction([&] {
        for (const auto& c : contacts) {
            Statement same = db.prepare(
                "SELECT 1 FROM contacts WHERE name = ?1 AND email = ?2 AND email <> ''");
            same.bind(1, trimmed(c.name)).bind(2, c.email);
            if (same.step()) {
                ++result.skipped;
                continue;
            }
            result.added.push_back(add_contact(db, c));
        }
    });
    return result;
}

}  // namespace rapport
