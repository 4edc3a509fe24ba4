-- The ndc type: the package layouts padded to 5-4-2, errors.
SET search_path = cleanclaim, public;

SELECT v AS input, v::ndc AS ndc, ndc_hyphenated(v::ndc) AS hyphenated
FROM (VALUES ('0002-7597-01'), ('50242-040-62'), ('60575-4112-1'), ('00002-7597-01'), ('00002759701'),
			 (' 50242004062 ')) t(v);
SELECT '0002-7597-01'::ndc = '00002759701'::ndc AS same_drug;

-- the predicate never raises
SELECT v, is_valid_ndc(v)
FROM (VALUES ('00002759701'), ('0002759701'), ('000275970112'), ('000000000'), ('0002-7597-1'),
			 ('0002--7597-01'), ('0002-7597-01-1'), ('0002 7597 01'), ('-0002759701'), (''), (NULL)) t(v);

-- bad input: SQLSTATE 22P02 with what is wrong and what is accepted
SELECT '0002759701'::ndc;
\echo :LAST_ERROR_SQLSTATE
SELECT '000275970112'::ndc;
SELECT '000000000'::ndc;
SELECT '0002-7597-1'::ndc;
SELECT '0002--7597-01'::ndc;
SELECT '0002-7597-01-1'::ndc;
SELECT '123456-7890-12'::ndc;
SELECT '0002 7597 01'::ndc;
SELECT ndc('');
\echo :LAST_ERROR_SQLSTATE
