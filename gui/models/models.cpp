// gui/models/: one plain model per screen — what is selected, what the user
// typed, what to save — with no ImGui, so tests drive them on a temp database.
// (This file keeps the library non-empty; the models live beside it.)
