-- Jeugdmonitor Zwolle, schema version 4: a tamper-evident audit trail. Every
-- row carries "keten", a hash over its content and the previous row's keten
-- (computed by the program for the rows there are), and rows can only be
-- added after the last one: REPLACE INTO, which deletes without firing the
-- delete guard, is refused with the rest.

DROP TRIGGER wijzigingen_alleen_toevoegen_update;
ALTER TABLE wijzigingen ADD COLUMN keten TEXT NOT NULL DEFAULT '';
-- stap: logboekketen
CREATE TRIGGER wijzigingen_alleen_toevoegen_update BEFORE UPDATE ON wijzigingen
BEGIN
    SELECT RAISE(ABORT, 'het wijzigingenlogboek kan niet worden aangepast');
END;
CREATE TRIGGER wijzigingen_alleen_achteraan BEFORE INSERT ON wijzigingen
WHEN NEW.id IS NULL OR NEW.id <= coalesce((SELECT max(id) FROM wijzigingen), 0) OR length(NEW.keten) <> 64
BEGIN
    SELECT RAISE(ABORT, 'het wijzigingenlogboek kan alleen achteraan worden aangevuld, met een keten');
END;
