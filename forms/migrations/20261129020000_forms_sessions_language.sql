-- The language a resident chose (`en` or `cy`), so a language switch keeps their answers and
-- every later page is shown in it.
ALTER TABLE civic_forms_sessions ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
