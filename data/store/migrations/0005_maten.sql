-- Jeugdmonitor Zwolle, schema version 5: the measures of an intervention
-- (what its reach counts: a name and a unit, such as "casussen besproken" in
-- casussen), reach per intervention, measure and period, so that a figure in
-- another unit is another series instead of overwriting the first, and the
-- end of a target (its last year and why).

CREATE TABLE maten (
    id             INTEGER PRIMARY KEY,
    interventie_id INTEGER NOT NULL REFERENCES interventies(id) ON DELETE CASCADE,
    naam           TEXT NOT NULL COLLATE NOCASE,
    eenheid        TEXT NOT NULL,
    UNIQUE (interventie_id, naam)
);

-- Every unit an intervention's reach or targets were counted in becomes a
-- measure named after that unit.
INSERT OR IGNORE INTO maten (interventie_id, naam, eenheid)
    SELECT DISTINCT interventie_id, eenheid, eenheid FROM bereik WHERE interventie_id IS NOT NULL ORDER BY id;
INSERT OR IGNORE INTO maten (interventie_id, naam, eenheid)
    SELECT DISTINCT l.interventie_id, d.eenheid, d.eenheid
    FROM doelstelling_interventies l JOIN doelstellingen d ON d.id = l.doelstelling_id
    ORDER BY l.interventie_id, d.id;

ALTER TABLE bereik ADD COLUMN maat_id INTEGER REFERENCES maten(id);
UPDATE bereik SET maat_id = (SELECT m.id FROM maten m WHERE m.interventie_id = bereik.interventie_id AND m.naam = bereik.eenheid)
    WHERE interventie_id IS NOT NULL;

DROP INDEX bereik_interventie_periode;
CREATE UNIQUE INDEX bereik_interventie_maat_periode ON bereik(interventie_id, maat_id, periode) WHERE interventie_id IS NOT NULL;
CREATE INDEX bereik_maat ON bereik(maat_id);

ALTER TABLE doelstellingen ADD COLUMN laatste_jaar INTEGER;
ALTER TABLE doelstellingen ADD COLUMN einde_reden TEXT NOT NULL DEFAULT '';
