// vCard files from old address books and odd stored text (issue 19).
#include "engine/base/error.h"
#include "engine/followups/vcard.h"

#include <doctest/doctest.h>

#include <future>

using namespace rapport;

TEST_CASE("vCard folding ends even on bytes that are not UTF-8 (used to loop forever)") {
    Contact c;
    c.id = 1;
    c.name = "Zoë";
    c.notes = std::string(200, '\x80');  // only continuation bytes
    auto written = std::async(std::launch::async, [&] { return contacts_to_vcard({c}); });
    REQUIRE(written.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    const std::string text = written.get();
    std::string unfolded = text;
    for (size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
    CHECK(unfolded.find("NOTE:" + c.notes + "\r\n") != std::string::npos);
    for (size_t start = 0, end; (end = text.find("\r\n", start)) != std::string::npos;
         start = end + 2)
        CHECK(end - start <= 75);
}

TEST_CASE("vCard text leaves NUL and other control bytes out") {
    Contact c;
    c.id = 2;
    c.name = std::string("Ana\0Lopez", 9);
    c.notes = "tab\there\x01";
    const std::string text = contacts_to_vcard({c});
    CHECK(text.find('\0') == std::string::npos);
    CHECK(text.find('\x01') == std::string::npos);
    CHECK(text.find("FN:AnaLopez\r\n") != std::string::npos);
    CHECK(text.find("NOTE:tab\there\r\n") != std::string::npos);
}

TEST_CASE("a Latin-1 vCard is decoded, by its CHARSET or by detection") {
    const auto undeclared = contacts_from_vcard(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xeb \xc5ngstr\xf6m\r\nEND:VCARD\r\n", "l1.vcf");
    REQUIRE(undeclared.size() == 1);
    CHECK(undeclared[0].name == "Zoë Ångström");
    const auto declared = contacts_from_vcard(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=ISO-8859-1:Fran\xe7ois\r\n"
        "ORG;CHARSET=\"windows-1252\":Caf\xe9 \x80uro\r\nEND:VCARD\r\n",
        "declared.vcf");
    REQUIRE(declared.size() == 1);
    CHECK(declared[0].name == "François");
    CHECK(declared[0].company == "Café €uro");
    // UTF-8 stays as it is.
    CHECK(contacts_from_vcard("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë\r\nEND:VCARD\r\n", "u.vcf")[0]
              .name == "Zoë");
    CHECK_THROWS_WITH_AS(
        contacts_from_vcard("BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=klingon:x\r\nEND:VCARD\r\n",
                            "k.vcf"),
        doctest::Contains("k.vcf:3: unknown character set"), Error);
}

TEST_CASE("a card read, written and read again does not change (fuzz_vcard finding)") {
    // FN holds a tab, a control byte and NULs, as in the input fuzz_vcard found.
    const std::string input = std::string("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:F5r!a-\t\x19") +
                              std::string(3, '\0') + "s\r\nORG:Caf\xe9\r\nEND:VCARD\r\n";
    const auto cards = contacts_from_vcard(input, "x.vcf");
    REQUIRE(cards.size() == 1);
    CHECK(cards[0].name == "F5r!a-\ts");
    const std::string written = contacts_to_vcard(cards);
    CHECK(contacts_to_vcard(contacts_from_vcard(written, "again.vcf")) == written);
}
