
-- The rule catalog (compiled in) and its settings.

CREATE FUNCTION rule_catalog(
	OUT rule_id text, OUT category text, OUT default_severity text, OUT owner text,
	OUT enabled_by_default boolean, OUT default_weight double precision,
	OUT needs_fields text, OUT needs_data text, OUT description text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION rule_catalog() IS 'the compiled-in rule catalog with each rule''s defaults; see the view cleanclaim.rules';

CREATE FUNCTION rule_hint(rule_id text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rule_hint(text) IS 'the fix hint of a rule, NULL for an unknown rule id';

CREATE FUNCTION check_rule_setting(rule_id text, params jsonb) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_rule_setting(text, jsonb) IS 'true when the rule exists and the parameters fit it; raises 22023 saying what is wrong otherwise (the CHECK of rule_settings)';

ALTER TABLE rule_settings ADD CONSTRAINT rule_settings_rule_and_params
	CHECK (check_rule_setting(rule_id, params));

CREATE VIEW rules AS
SELECT c.rule_id, c.category, coalesce(s.severity, c.default_severity) AS severity, c.owner,
	   coalesce(s.enabled, c.enabled_by_default) AS enabled,
	   coalesce(s.weight, c.default_weight::numeric) AS weight,
	   c.needs_fields, c.needs_data, c.description, rule_hint(c.rule_id) AS hint,
	   c.default_severity, c.enabled_by_default, s.params
FROM rule_catalog() c
LEFT JOIN rule_settings s ON s.rule_id = c.rule_id AND s.payer_id IS NULL;
COMMENT ON VIEW rules IS 'the rule catalog, one row per rule, with the settings that apply to every payer (payer overrides are in rule_settings)';
COMMENT ON COLUMN rules.rule_id IS 'stable id, never reused';
COMMENT ON COLUMN rules.severity IS 'error (must not go out), warning (hold for review) or info, after settings';
COMMENT ON COLUMN rules.owner IS 'team that owns the fix: coding, billing, front_office or provider';
COMMENT ON COLUMN rules.enabled IS 'whether the rule runs, after settings (for every payer)';
COMMENT ON COLUMN rules.weight IS 'points an issue of this rule takes off the quality score';
COMMENT ON COLUMN rules.needs_fields IS 'claim fields the rule reads; a claim without them is not checked by it';
COMMENT ON COLUMN rules.needs_data IS 'reference tables the rule reads; while they are empty it does not run';
GRANT SELECT ON rules TO PUBLIC;
