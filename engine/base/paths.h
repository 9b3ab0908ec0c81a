// Where Rapport keeps and finds its files.
//
// User data follows the XDG base directory rules:
//   database   $XDG_DATA_HOME/rapport/rapport.db   (else ~/.local/share/rapport/)
//   user banks $XDG_DATA_HOME/rapport/banks/
//   settings   $XDG_CONFIG_HOME/rapport/           (else ~/.config/rapport/)
// Shipped data (question-banks/, assets/) comes from the install prefix's
// share/rapport folder when the program is installed, or from the source tree
// when it runs from the build tree.
#pragma once

#include <filesystem>

namespace rapport {

namespace fs = std::filesystem;

fs::path data_dir();          // $XDG_DATA_HOME/rapport
fs::path config_dir();        // $XDG_CONFIG_HOME/rapport
fs::path default_db_path();   // data_dir()/rapport.db
fs::path user_banks_dir();    // data_dir()/banks

// The folder holding the shipped question-banks/ and assets/ for the running
// executable: <exe>/../share/rapport when installed, else the source tree.
fs::path shipped_data_dir();
fs::path shipped_banks_dir();   // shipped_data_dir()/question-banks
fs::path shipped_assets_dir();  // shipped_data_dir()/assets

// Creates dir (and parents) when missing; a folder Rapport creates is mode
// 0700 because it holds notes about real people. Throws rapport::Error.
void ensure_private_dir(const fs::path& dir);

}  // namespace rapport
