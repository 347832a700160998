-- A retrained reason model is kept as trained (docs/ai.md), so a restart loads it instead of training it again. Null
-- for the shipped version (it comes with the application), rejected candidates and versions from before this column.
alter table ai_model_version
    add column trained_model bytea;
