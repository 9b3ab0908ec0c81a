#include "engine/records/schema.h"

namespace rapport {
namespace {

// Version numbers are handed out in order; each block says what it adds.
constexpr Migration kMigrations[] = {
    // 1: key/value settings (user profile, avoid-rule choices, preferences).
    {1, R"sql(
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) STRICT;
    )sql"},
    // 2: the records — contacts, meetings with their question sheet, debriefs
    // with referrals — and the full-text index that triggers keep in step.
    {2, R"sql(
        CREATE TABLE contacts (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
            company     TEXT NOT NULL DEFAULT '',
            role        TEXT NOT NULL DEFAULT '',
            email       TEXT NOT NULL DEFAULT '',
            phone       TEXT NOT NULL DEFAULT '',
            link        TEXT NOT NULL DEFAULT '',
            how_met     TEXT NOT NULL DEFAULT '',
            referred_by INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
            notes       TEXT NOT NULL DEFAULT '',
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        ) STRICT;
        CREATE INDEX contacts_referred_by ON contacts(referred_by);

        CREATE TABLE contact_tags (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            tag        TEXT NOT NULL CHECK (length(tag) > 0),
            PRIMARY KEY (contact_id, tag)
        ) STRICT, WITHOUT ROWID;

        -- at_local keeps the wall clock the user chose and the UTC offset in
        -- force then ("2025-03-14T09:30+01:00"); at_utc is the same instant
        -- in Unix seconds, for ordering and follow-ups.
        CREATE TABLE meetings (
            id         INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE RESTRICT,
            at_local   TEXT NOT NULL,
            at_utc     INTEGER NOT NULL,
            minutes    INTEGER NOT NULL DEFAULT 20 CHECK (minutes BETWEEN 1 AND 1440),
            mode       TEXT NOT NULL DEFAULT 'in-person'
                       CHECK (mode IN ('in-person', 'phone', 'video', 'email')),
            place      TEXT NOT NULL DEFAULT '',
            status     TEXT NOT NULL DEFAULT 'planned'
                       CHECK (status IN ('planned', 'done', 'cancelled')),
            notes      TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX meetings_contact ON meetings(contact_id, at_utc);
        CREATE INDEX meetings_at ON meetings(at_utc);

        -- The question sheet used at a meeting, copied when the meeting is
        -- planned so later bank edits never change what was asked.
        CREATE TABLE sheet_questions (
            meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position    INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            text        TEXT NOT NULL,
            stage       TEXT NOT NULL DEFAULT '',
            minutes     REAL,
            asked       INTEGER NOT NULL DEFAULT 0 CHECK (asked IN (0, 1)),
            answered    INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
            PRIMARY KEY (meeting_id, position),
            UNIQUE (meeting_id, question_id)
        ) STRICT;

        CREATE TABLE debriefs (
            meeting_id        INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
            notes             TEXT NOT NULL DEFAULT '',
            thank_you_sent_at TEXT,
            created_at        TEXT NOT NULL,
            updated_at        TEXT NOT NULL
        ) STRICT;

        -- Answers keyed by the item ids of question-banks/debrief.*.json.
        CREATE TABLE debrief_answers (
            meeting_id INTEGER NOT NULL REFERENCES debriefs(meeting_id) ON DELETE CASCADE,
            item_id    TEXT NOT NULL,
            answer     TEXT NOT NULL,
            PRIMARY KEY (meeting_id, item_id)
        ) STRICT, WITHOUT ROWID;

        -- People the contact suggested; contact_id is set once the referral
        -- became a contact of its own.
        CREATE TABLE referrals (
            id         INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES debriefs(meeting_id) ON DELETE CASCADE,
            name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
            company    TEXT NOT NULL DEFAULT '',
            notes      TEXT NOT NULL DEFAULT '',
            contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL
        ) STRICT;
        CREATE INDEX referrals_meeting ON referrals(meeting_id);
        CREATE INDEX referrals_contact ON referrals(contact_id);

        -- Full-text search. One row per searchable record; its rowid encodes
        -- the record: id * 4 + 1 contact, + 2 meeting (with its sheet),
        -- + 3 debrief (with answers and referrals). unicode61 folds case and
        -- strips accents, so "zoe angstrom" finds "Zoë Ångström".
        CREATE VIRTUAL TABLE search_index USING fts5(
            title, body, tokenize = 'unicode61 remove_diacritics 2');

        -- What each record contributes to the index.
        CREATE VIEW contact_documents AS
        SELECT c.id AS id, c.id * 4 + 1 AS doc, c.name AS title,
               c.company || ' ' || c.role || ' ' || c.email || ' ' || c.phone || ' ' ||
               c.link || ' ' || c.how_met || ' ' || c.notes || ' ' ||
               ifnull((SELECT group_concat(t.tag, ' ') FROM contact_tags t
                       WHERE t.contact_id = c.id), '') AS body
        FROM contacts c;

        CREATE VIEW meeting_documents AS
        SELECT m.id AS id, m.contact_id AS contact_id, m.id * 4 + 2 AS doc,
               c.name || ' — ' || substr(m.at_local, 1, 10) AS title,
               m.place || ' ' || m.notes || ' ' ||
               ifnull((SELECT group_concat(q.text, ' ') FROM sheet_questions q
                       WHERE q.meeting_id = m.id), '') AS body
        FROM meetings m JOIN contacts c ON c.id = m.contact_id;

        CREATE VIEW debrief_documents AS
        SELECT d.meeting_id AS id, m.contact_id AS contact_id, d.meeting_id * 4 + 3 AS doc,
               c.name || ' — ' || substr(m.at_local, 1, 10) AS title,
               d.notes || ' ' ||
               ifnull((SELECT group_concat(a.answer, ' ') FROM debrief_answers a
                       WHERE a.meeting_id = d.meeting_id), '') || ' ' ||
               ifnull((SELECT group_concat(r.name || ' ' || r.company || ' ' || r.notes, ' ')
                       FROM referrals r WHERE r.meeting_id = d.meeting_id), '') AS body
        FROM debriefs d JOIN meetings m ON m.id = d.meeting_id
                        JOIN contacts c ON c.id = m.contact_id;

        -- Triggers keep the index in step with every write, whoever makes it
        -- (the app, the CLI, an import). Each refresh deletes the record's
        -- row and inserts it again from its view, so it is harmless when the
        -- record is gone.
        CREATE TRIGGER contacts_indexed_insert AFTER INSERT ON contacts BEGIN
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM contact_documents WHERE id = new.id;
        END;
        CREATE TRIGGER contacts_indexed_update AFTER UPDATE ON contacts BEGIN
            DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM contact_documents WHERE id = new.id;
        END;
        -- The name is part of the titles of the contact's meetings and debriefs.
        CREATE TRIGGER contacts_renamed AFTER UPDATE OF name ON contacts BEGIN
            DELETE FROM search_index WHERE rowid IN (
                SELECT id * 4 + 2 FROM meetings WHERE contact_id = new.id
                UNION ALL
                SELECT d.meeting_id * 4 + 3 FROM debriefs d JOIN meetings m ON m.id = d.meeting_id
                WHERE m.contact_id = new.id);
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM meeting_documents WHERE contact_id = new.id;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE contact_id = new.id;
        END;
        CREATE TRIGGER contacts_indexed_delete AFTER DELETE ON contacts BEGIN
            DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
        END;
        CREATE TRIGGER contact_tags_indexed_insert AFTER INSERT ON contact_tags BEGIN
            DELETE FROM search_index WHERE rowid = new.contact_id * 4 + 1;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM contact_documents WHERE id = new.contact_id;
        END;
        CREATE TRIGGER contact_tags_indexed_delete AFTER DELETE ON contact_tags BEGIN
            DELETE FROM search_index WHERE rowid = old.contact_id * 4 + 1;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM contact_documents WHERE id = old.contact_id;
        END;

        CREATE TRIGGER meetings_indexed_insert AFTER INSERT ON meetings BEGIN
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM meeting_documents WHERE id = new.id;
        END;
        CREATE TRIGGER meetings_indexed_update AFTER UPDATE ON meetings BEGIN
            DELETE FROM search_index WHERE rowid IN (old.id * 4 + 2, old.id * 4 + 3);
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM meeting_documents WHERE id = new.id;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE id = new.id;
        END;
        CREATE TRIGGER meetings_indexed_delete AFTER DELETE ON meetings BEGIN
            DELETE FROM search_index WHERE rowid IN (old.id * 4 + 2, old.id * 4 + 3);
        END;
        CREATE TRIGGER sheet_indexed_insert AFTER INSERT ON sheet_questions BEGIN
            DELETE FROM search_index WHERE rowid = new.meeting_id * 4 + 2;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM meeting_documents WHERE id = new.meeting_id;
        END;
        CREATE TRIGGER sheet_indexed_update AFTER UPDATE OF text ON sheet_questions BEGIN
            DELETE FROM search_index WHERE rowid = new.meeting_id * 4 + 2;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM meeting_documents WHERE id = new.meeting_id;
        END;
        CREATE TRIGGER sheet_indexed_delete AFTER DELETE ON sheet_questions BEGIN
            DELETE FROM search_index WHERE rowid = old.meeting_id * 4 + 2;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM meeting_documents WHERE id = old.meeting_id;
        END;

        CREATE TRIGGER debriefs_indexed_insert AFTER INSERT ON debriefs BEGIN
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE id = new.meeting_id;
        END;
        CREATE TRIGGER debriefs_indexed_update AFTER UPDATE OF notes ON debriefs BEGIN
            DELETE FROM search_index WHERE rowid = old.meeting_id * 4 + 3;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE id = new.meeting_id;
        END;
        CREATE TRIGGER debriefs_indexed_delete AFTER DELETE ON debriefs BEGIN
            DELETE FROM search_index WHERE rowid = old.meeting_id * 4 + 3;
        END;
        CREATE TRIGGER debrief_answers_indexed_insert AFTER INSERT ON debrief_answers BEGIN
            DELETE FROM search_index WHERE rowid = new.meeting_id * 4 + 3;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE id = new.meeting_id;
        END;
        CREATE TRIGGER debrief_answers_indexed_update AFTER UPDATE ON debrief_answers BEGIN
            DELETE FROM search_index WHERE rowid = new.meeting_id * 4 + 3;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE id = new.meeting_id;
        END;
        CREATE TRIGGER debrief_answers_indexed_delete AFTER DELETE ON debrief_answers BEGIN
            DELETE FROM search_index WHERE rowid = old.meeting_id * 4 + 3;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE id = old.meeting_id;
        END;
        CREATE TRIGGER referrals_indexed_insert AFTER INSERT ON referrals BEGIN
            DELETE FROM search_index WHERE rowid = new.meeting_id * 4 + 3;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE id = new.meeting_id;
        END;
        CREATE TRIGGER referrals_indexed_update AFTER UPDATE ON referrals BEGIN
            DELETE FROM search_index WHERE rowid = new.meeting_id * 4 + 3;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE id = new.meeting_id;
        END;
        CREATE TRIGGER referrals_indexed_delete AFTER DELETE ON referrals BEGIN
            DELETE FROM search_index WHERE rowid = old.meeting_id * 4 + 3;
            INSERT INTO search_index(rowid, title, body)
                SELECT doc, title, body FROM debrief_documents WHERE id = old.meeting_id;
        END;
    )sql"},
    // 3: elevator pitch scripts and timed practice attempts (self-contained).
    // An attempt keeps the script's word count at the time it was spoken, so
    // the measured speaking rate stays right after the script is edited;
    // deleting a script keeps its attempts.
    {3, R"sql(
        CREATE TABLE pitch_scripts (
            id             INTEGER PRIMARY KEY,
            title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
            body           TEXT NOT NULL,
            language       TEXT NOT NULL CHECK (language IN ('en', 'fr')),
            target_seconds REAL NOT NULL CHECK (target_seconds > 0),
            created_at     TEXT NOT NULL,
            updated_at     TEXT NOT NULL
        ) STRICT;
        CREATE TABLE pitch_attempts (
            id             INTEGER PRIMARY KEY,
            script_id      INTEGER REFERENCES pitch_scripts(id) ON DELETE SET NULL,
            target_seconds REAL NOT NULL CHECK (target_seconds > 0),
            seconds        REAL NOT NULL CHECK (seconds > 0),
            words          INTEGER CHECK (words >= 0),
            at             TEXT NOT NULL,
            rating         INTEGER CHECK (rating BETWEEN 1 AND 5),
            note           TEXT
        ) STRICT;
        CREATE INDEX pitch_attempts_by_script ON pitch_attempts(script_id, at);
    )sql"},
    // 4: outreach requests to contacts and their replies,
    // for the 3/7-business-day follow-up routine.
    {4, R"sql(
        -- A request for a meeting sent to a contact. follow_up_of links a
        -- polite follow-up to the request it follows; replied_* is set when
        -- the contact answered (a reply to a follow-up also closes the
        -- original request).
        CREATE TABLE outreach (
            id           INTEGER PRIMARY KEY,
            contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            sent_local   TEXT NOT NULL,
            sent_utc     INTEGER NOT NULL,
            channel      TEXT NOT NULL DEFAULT 'email'
                         CHECK (channel IN ('email', 'phone', 'profile', 'in-person')),
            follow_up_of INTEGER REFERENCES outreach(id) ON DELETE CASCADE,
            replied_local TEXT,
            replied_utc  INTEGER,
            created_at   TEXT NOT NULL
        ) STRICT;
        CREATE INDEX outreach_contact ON outreach(contact_id, sent_utc);
        CREATE INDEX outreach_follow_up ON outreach(follow_up_of);
    )sql"},
    // 5: the user's own words for the spelling check ("Add to my words").
    // One word each, no spaces; names from the records need no row here.
    {5, R"sql(
        CREATE TABLE personal_words (
            word TEXT PRIMARY KEY NOT NULL
                 CHECK (length(trim(word)) > 0 AND instr(word, ' ') = 0)
        ) STRICT, WITHOUT ROWID;
    )sql"},
    // 6: the coach's report on a spoken attempt (engine/pitch/spoken_store.h):
    // pace and fillers as columns for the history, the whole report as JSON,
    // and the file name of the kept recording when the user keeps them.
    {6, R"sql(
        CREATE TABLE pitch_attempt_reports (
            attempt_id         INTEGER PRIMARY KEY REFERENCES pitch_attempts(id) ON DELETE CASCADE,
            wpm                REAL NOT NULL CHECK (wpm >= 0),
            wpm_source         TEXT NOT NULL CHECK (wpm_source IN ('script', 'estimate')),
            fillers_per_minute REAL CHECK (fillers_per_minute >= 0),
            report             TEXT NOT NULL CHECK (json_valid(report)),
            recording          TEXT
        ) STRICT;
    )sql"},
    // 7: a pitch script may have no target ("No target": the estimate is shown
    // without a verdict). SQLite cannot change a column's CHECK, and rebuilding
    // the table would fire ON DELETE SET NULL on the attempts (foreign keys are
    // on during migrations), so the column is replaced in place: a new one,
    // the values copied, the old one dropped, the new one renamed.
    {7, R"sql(
        ALTER TABLE pitch_scripts ADD COLUMN target_or_none REAL
            CHECK (target_or_none IS NULL OR target_or_none > 0);
        UPDATE pitch_scripts SET target_or_none = target_seconds;
        ALTER TABLE pitch_scripts DROP COLUMN target_seconds;
        ALTER TABLE pitch_scripts RENAME COLUMN target_or_none TO target_seconds;
    )sql"},
};

}  // namespace

std::span<const Migration> schema_migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

}  // namespace rapport
