-- Jeugdmonitor Zwolle, schema version 1: the register, reach, indicators,
-- budget goals, savings, policy texts, settings and the append-only audit trail.

CREATE TABLE instellingen (
    sleutel TEXT PRIMARY KEY,
    waarde  TEXT NOT NULL
);

CREATE TABLE begrotingsdoelen (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    naam           TEXT NOT NULL,
    beschrijving   TEXT NOT NULL DEFAULT '',
    begrotingsjaar INTEGER NOT NULL,
    activiteiten   TEXT,
    bron_document  TEXT NOT NULL DEFAULT '',
    bron_sectie    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE interventies (
    id                 INTEGER PRIMARY KEY,
    naam               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    uitvoerder         TEXT NOT NULL DEFAULT '',
    cluster            TEXT NOT NULL,
    code               TEXT NOT NULL DEFAULT '',
    doel               TEXT NOT NULL DEFAULT '',
    doelgroep          TEXT NOT NULL DEFAULT '',
    leeftijd_van       INTEGER,
    leeftijd_tot       INTEGER,
    werkwijze          TEXT NOT NULL DEFAULT '',
    status_tekst       TEXT NOT NULL DEFAULT '',
    status_categorie   TEXT NOT NULL,
    start_jaar         INTEGER,
    start_maand        INTEGER,
    start_structureel  INTEGER NOT NULL DEFAULT 0,
    start_tekst        TEXT NOT NULL DEFAULT '',
    einde_jaar         INTEGER,
    einde_maand        INTEGER,
    einde_structureel  INTEGER NOT NULL DEFAULT 0,
    einde_tekst        TEXT NOT NULL DEFAULT '',
    resultaten         TEXT NOT NULL DEFAULT '',
    ambities           TEXT,
    begrotingsdoel_id  INTEGER REFERENCES begrotingsdoelen(id),
    bron_document      TEXT NOT NULL DEFAULT '',
    bron_sectie        TEXT NOT NULL DEFAULT '',
    gearchiveerd       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX interventies_cluster ON interventies(cluster);

CREATE TABLE doelstellingen (
    id             INTEGER PRIMARY KEY,
    omschrijving   TEXT NOT NULL,
    periode        TEXT NOT NULL,
    soort          TEXT NOT NULL,
    waarde         REAL NOT NULL,
    waarde_tot     REAL,
    eenheid        TEXT NOT NULL,
    leeftijdsgroep TEXT NOT NULL DEFAULT '',
    bron_document  TEXT NOT NULL DEFAULT '',
    bron_sectie    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE doelstelling_interventies (
    doelstelling_id INTEGER NOT NULL REFERENCES doelstellingen(id) ON DELETE CASCADE,
    interventie_id  INTEGER NOT NULL REFERENCES interventies(id),
    PRIMARY KEY (doelstelling_id, interventie_id)
);
CREATE INDEX doelstelling_interventies_interventie ON doelstelling_interventies(interventie_id);

CREATE TABLE doelstelling_herzieningen (
    id                INTEGER PRIMARY KEY,
    doelstelling_id   INTEGER NOT NULL REFERENCES doelstellingen(id) ON DELETE CASCADE,
    datum             DATETIME NOT NULL,
    oude_waarde       REAL NOT NULL,
    oude_waarde_tot   REAL,
    nieuwe_waarde     REAL NOT NULL,
    nieuwe_waarde_tot REAL,
    reden             TEXT NOT NULL,
    gebruiker         TEXT NOT NULL
);

CREATE TABLE bereik (
    id              INTEGER PRIMARY KEY,
    interventie_id  INTEGER REFERENCES interventies(id),
    doelstelling_id INTEGER REFERENCES doelstellingen(id),
    periode         TEXT NOT NULL,
    jaar            INTEGER NOT NULL,
    periode_soort   TEXT NOT NULL,
    soort           TEXT NOT NULL,
    waarde          REAL NOT NULL,
    waarde_tot      REAL,
    eenheid         TEXT NOT NULL,
    status          TEXT NOT NULL,
    bron            TEXT NOT NULL DEFAULT '',
    notitie         TEXT NOT NULL DEFAULT '',
    gebruiker       TEXT NOT NULL DEFAULT '',
    vastgelegd      DATETIME NOT NULL,
    CHECK ((interventie_id IS NULL) <> (doelstelling_id IS NULL))
);
CREATE UNIQUE INDEX bereik_interventie_periode ON bereik(interventie_id, periode) WHERE interventie_id IS NOT NULL;
CREATE UNIQUE INDEX bereik_doelstelling_periode ON bereik(doelstelling_id, periode) WHERE doelstelling_id IS NOT NULL;
CREATE INDEX bereik_soort_jaar ON bereik(periode_soort, jaar, interventie_id, waarde, status);

CREATE TABLE indicatoren (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    naam          TEXT NOT NULL,
    eenheid       TEXT NOT NULL,
    groep         TEXT NOT NULL,
    vergelijking  TEXT NOT NULL DEFAULT '',
    kernboodschap TEXT NOT NULL DEFAULT '',
    bron_document TEXT NOT NULL DEFAULT '',
    bron_sectie   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE metingen (
    id                  INTEGER PRIMARY KEY,
    indicator_id        INTEGER NOT NULL REFERENCES indicatoren(id) ON DELETE CASCADE,
    periode             TEXT NOT NULL,
    jaar                INTEGER NOT NULL,
    periode_soort       TEXT NOT NULL,
    waarde              REAL NOT NULL,
    vergelijkingswaarde REAL,
    status              TEXT NOT NULL,
    bron_document       TEXT NOT NULL DEFAULT '',
    bron_sectie         TEXT NOT NULL DEFAULT '',
    UNIQUE (indicator_id, periode)
);
CREATE INDEX metingen_reeks ON metingen(indicator_id, periode_soort, jaar);

CREATE TABLE criteria (
    id                INTEGER PRIMARY KEY,
    begrotingsdoel_id INTEGER NOT NULL REFERENCES begrotingsdoelen(id) ON DELETE CASCADE,
    omschrijving      TEXT NOT NULL,
    streefwaarde      REAL,
    soort             TEXT NOT NULL DEFAULT '',
    referentiejaar    INTEGER,
    doeljaar          INTEGER,
    indicator_id      INTEGER REFERENCES indicatoren(id),
    bron_document     TEXT NOT NULL DEFAULT '',
    bron_sectie       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE begrotingsregels (
    id                INTEGER PRIMARY KEY,
    begrotingsdoel_id INTEGER NOT NULL REFERENCES begrotingsdoelen(id) ON DELETE CASCADE,
    jaar              INTEGER NOT NULL,
    soort             TEXT NOT NULL,
    bedrag_cent       INTEGER NOT NULL,
    omschrijving      TEXT NOT NULL DEFAULT '',
    bron_document     TEXT NOT NULL DEFAULT '',
    bron_sectie       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE besparingen (
    id            INTEGER PRIMARY KEY,
    periode       TEXT NOT NULL,
    rapportage    TEXT NOT NULL DEFAULT '',
    omschrijving  TEXT NOT NULL,
    bedrag_cent   INTEGER NOT NULL,
    bron_document TEXT NOT NULL DEFAULT '',
    bron_sectie   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE besparing_totalen (
    id            INTEGER PRIMARY KEY,
    bedrag_cent   INTEGER NOT NULL,
    bron_document TEXT NOT NULL DEFAULT '',
    bron_sectie   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE beleidsteksten (
    id            INTEGER PRIMARY KEY,
    soort         TEXT NOT NULL,
    titel         TEXT NOT NULL,
    tekst         TEXT NOT NULL DEFAULT '',
    bron_document TEXT NOT NULL DEFAULT '',
    bron_sectie   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE wijzigingen (
    id            INTEGER PRIMARY KEY,
    tijd          DATETIME NOT NULL,
    gebruiker     TEXT NOT NULL,
    actie         TEXT NOT NULL,
    entiteit      TEXT NOT NULL,
    entiteit_id   INTEGER NOT NULL,
    veld          TEXT NOT NULL,
    oude_waarde   TEXT NOT NULL DEFAULT '',
    nieuwe_waarde TEXT NOT NULL DEFAULT ''
);
CREATE INDEX wijzigingen_entiteit ON wijzigingen(entiteit, entiteit_id);
CREATE INDEX wijzigingen_tijd ON wijzigingen(tijd);

CREATE TRIGGER wijzigingen_alleen_toevoegen_update BEFORE UPDATE ON wijzigingen
BEGIN
    SELECT RAISE(ABORT, 'het wijzigingenlogboek kan niet worden aangepast');
END;
CREATE TRIGGER wijzigingen_alleen_toevoegen_delete BEFORE DELETE ON wijzigingen
BEGIN
    SELECT RAISE(ABORT, 'het wijzigingenlogboek kan niet worden aangepast');
END;
