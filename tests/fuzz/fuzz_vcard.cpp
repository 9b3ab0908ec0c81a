// vCard read and write: any bytes either load or are refused with
// file:line; what loads writes out and reads back to the same cards.
#include "engine/followups/vcard.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<Contact> cards;
    fuzz::refusing([&] { cards = contacts_from_vcard(fuzz::as_text(data, size), "fuzz.vcf"); });
    if (cards.empty()) return 0;
    const std::string written = contacts_to_vcard(cards);
    std::vector<Contact> again;
    try {
        again = contacts_from_vcard(written, "written.vcf");
    } catch (const Error&) {
        fuzz::fail("our own vCard output was refused");
    }
    if (again.size() != cards.size()) fuzz::fail("cards lost in a round trip");
    if (contacts_to_vcard(again) != written) fuzz::fail("a second round trip changed the cards");
    return 0;
}
