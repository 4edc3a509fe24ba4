
COMMENT ON TYPE hcpcs IS 'HCPCS procedure code: CPT Category I, II, III, PLA, MAAA or HCPCS Level II';

CREATE FUNCTION hcpcs_kind(hcpcs) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hcpcs_kind(hcpcs) IS 'cpt_category_i, cpt_category_ii, cpt_category_iii, cpt_pla, cpt_maaa or hcpcs_level_ii';
