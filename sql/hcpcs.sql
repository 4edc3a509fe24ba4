-- The hcpcs type: the five forms, hcpcs_kind, errors.
SET search_path = cleanclaim, public;

SELECT v AS input, v::hcpcs AS code, hcpcs_kind(v::hcpcs) AS kind
FROM (VALUES ('99213'), ('00100'), ('3074F'), ('3074f'), ('0095T'), ('0001U'), ('0002M'), ('0001A'), ('J1885'), ('e0114'),
			 ('A0428'), ('V5008'), (' G2211 '), (E'A4341\u00a0')) t(v);

-- natural (text) order
SELECT v::hcpcs AS code FROM (VALUES ('99213'), ('0001F'), ('00100'), ('J1885'), ('A0428'), ('0095T'), ('V5008')) t(v)
ORDER BY 1;

-- the predicate never raises
SELECT v, is_valid_hcpcs(v)
FROM (VALUES ('99213'), ('9921'), ('992134'), ('W1234'), ('3074X'), ('J188A'), ('12A45'), (''), (NULL)) t(v);

-- bad input: SQLSTATE 22P02 with what is wrong and what is accepted
SELECT '9921'::hcpcs;
\echo :LAST_ERROR_SQLSTATE
SELECT '992134'::hcpcs;
SELECT 'W1234'::hcpcs;
SELECT '3074X'::hcpcs;
SELECT 'J188A'::hcpcs;
SELECT '12A45'::hcpcs;
SELECT '*9921'::hcpcs;
SELECT hcpcs('');
\echo :LAST_ERROR_SQLSTATE
