-- Jeugdmonitor Zwolle, schema version 2: named presentations for the council,
-- each an ordered list of chart names (JSON).

CREATE TABLE presentaties (
    id   INTEGER PRIMARY KEY,
    naam TEXT NOT NULL UNIQUE COLLATE NOCASE,
    dias TEXT NOT NULL DEFAULT '[]'
);
