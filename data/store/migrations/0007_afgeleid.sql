-- Jeugdmonitor Zwolle, schema version 7: notes on single fields of the
-- register's records. "afgeleid" holds, per field, why the register derived a
-- value instead of quoting it (an organisation a card does not name, an end
-- computed from "looptijd 2 jaar", a year the
-- document does not name); "veldbronnen" holds, per field of an
-- intervention, the section it was quoted from when that is not the
-- intervention's own. Both are JSON objects (field -> text), NULL when empty.

ALTER TABLE interventies ADD COLUMN afgeleid TEXT;
ALTER TABLE interventies ADD COLUMN veldbronnen TEXT;
ALTER TABLE doelstellingen ADD COLUMN afgeleid TEXT;
ALTER TABLE bereik ADD COLUMN afgeleid TEXT;
ALTER TABLE begrotingsregels ADD COLUMN afgeleid TEXT;
