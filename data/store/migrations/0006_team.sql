-- Jeugdmonitor Zwolle, schema version 6: the laptop's side of the team
-- register (package data/team), empty and unused until the user joins a team.
-- team_sleutels gives local records their team-wide key (a record added on
-- two laptops as the same figure has two keys), team_ontvangen lists the
-- changes received from the team and the audit row each became, team_staat
-- holds the laptop's origin and how far it has sent and received, and
-- team_conflicten keeps both values of a figure changed on two laptops.

CREATE TABLE team_sleutels (
    sleutel   TEXT PRIMARY KEY,
    entiteit  TEXT NOT NULL,
    lokaal_id INTEGER NOT NULL
);
CREATE INDEX team_sleutels_lokaal ON team_sleutels(entiteit, lokaal_id);

CREATE TABLE team_ontvangen (
    wijziging_id TEXT PRIMARY KEY,
    volgnummer   INTEGER NOT NULL,
    logregel     INTEGER
);

CREATE TABLE team_staat (
    sleutel TEXT PRIMARY KEY,
    waarde  TEXT NOT NULL
);

CREATE TABLE team_conflicten (
    id               INTEGER PRIMARY KEY,
    entiteit         TEXT NOT NULL,
    sleutel          TEXT NOT NULL,
    veld             TEXT NOT NULL,
    eerste_id        TEXT NOT NULL,
    eerste_actie     TEXT NOT NULL,
    eerste_waarde    TEXT NOT NULL,
    eerste_gebruiker TEXT NOT NULL,
    eerste_tijd      DATETIME NOT NULL,
    tweede_id        TEXT NOT NULL UNIQUE,
    tweede_actie     TEXT NOT NULL,
    tweede_waarde    TEXT NOT NULL,
    tweede_gebruiker TEXT NOT NULL,
    tweede_tijd      DATETIME NOT NULL,
    keuze            TEXT NOT NULL DEFAULT '',
    opgelost_door    TEXT NOT NULL DEFAULT '',
    opgelost_op      DATETIME
);
