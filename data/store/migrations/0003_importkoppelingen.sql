-- Jeugdmonitor Zwolle, schema version 3: the column mapping of a spreadsheet
-- import, remembered per source (the organisation's file) and kind of import,
-- so the next file from the same source is mapped without asking again.

CREATE TABLE importkoppelingen (
    id        INTEGER PRIMARY KEY,
    bron      TEXT NOT NULL,
    soort     TEXT NOT NULL,
    koppeling TEXT NOT NULL,
    UNIQUE (bron, soort)
);
