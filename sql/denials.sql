-- The denial dictionary: the shipped mappings, denial_root_cause() on good
-- and bad input, the CARC loader on small files written here in the CMS
-- layout (a good load, a reload, a second release, every malformed line), a
-- user's mapping surviving reloads, the rule-id check, and a restore of
-- dumped rows simulated by inserting them again.  All in one transaction,
-- rolled back; every statement that fails is followed by its SQLSTATE.
SET search_path = cleanclaim, public;
\set SHOW_CONTEXT never
\set ON_ERROR_ROLLBACK on
BEGIN;

-- what is shipped: every row complete, rule ids in the catalog
SELECT count(*) AS shipped, count(*) FILTER (WHERE denial) AS denials, count(*) FILTER (WHERE preventable) AS preventable,
	   count(*) FILTER (WHERE rule_ids <> '{}') AS with_rules
FROM denial_reasons WHERE shipped;
SELECT category, count(*) FROM denial_reasons GROUP BY category ORDER BY category;
SELECT owner, count(*) FROM denial_reasons GROUP BY owner ORDER BY owner;
SELECT carc FROM denial_reasons WHERE NOT denial ORDER BY carc;
SELECT kind, count(*) FROM remark_codes GROUP BY kind ORDER BY kind;
-- the codes the domain notes call the most common denials are all mapped
SELECT c AS not_shipped FROM unnest('{4,5,6,7,9,10,11,16,18,22,27,29,45,50,96,97,109,146,181,182,197,204,206,207,208,231,234,236}'::text[]) c
WHERE NOT EXISTS (SELECT 1 FROM denial_reasons d WHERE d.carc = c AND d.shipped);
-- every rule id named exists (the CHECK), and the share splits each code's dollar
SELECT count(*) AS pairs, count(DISTINCT rule_id) AS rules, round(sum(share), 9) = count(DISTINCT carc) AS shares_add_up
FROM denial_reason_rules;
SELECT carc, rule_id, round(share, 4) AS share FROM denial_reason_rules WHERE carc IN ('97', '18') ORDER BY carc, rule_id;

--
-- denial_root_cause()
--
SELECT carc, group_code, rarc, status, category, owner, preventable, rule_ids, is_denial, remark_kind, responsibility
FROM denial_root_cause('CO-16', 'n290');
SELECT carc, group_code, status, category, owner, is_denial, responsibility FROM denial_root_cause(' co 97 ');
SELECT carc, group_code, status, is_denial FROM denial_root_cause('oa:18');
SELECT carc, status, is_denial FROM denial_root_cause('0016');
SELECT carc, group_code, status, category, is_denial, responsibility FROM denial_root_cause('45', group_code => 'co');
SELECT carc, group_code, status, is_denial, responsibility FROM denial_root_cause('PR-50');
SELECT carc, group_code, status, is_denial, responsibility, group_meaning FROM denial_root_cause('16', NULL, 'CR');
SELECT carc, group_code, status, is_denial, remark, remark_kind FROM denial_root_cause('B7', 'MA01', 'PI');
-- not in the dictionary: a row saying so, not an error; a group code still tells
SELECT carc, group_code, status, description, category, rule_ids, is_denial FROM denial_root_cause('999');
SELECT carc, group_code, status, is_denial FROM denial_root_cause('CO-144');
SELECT carc, status, remark, remark_kind FROM denial_root_cause('16', 'N9999');
SELECT denial_root_cause(NULL) IS NULL AS null_for_null;
SELECT denial_root_cause(NULL, 'N290', 'CO') IS NULL AS null_for_null_carc;
-- malformed input
SELECT denial_root_cause('CO-');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('000');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('1234');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('16A');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('AB1');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('XX-16');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('16', group_code => 'XX');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('CO-16', group_code => 'PR');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('16', 'X12');
\echo :LAST_ERROR_SQLSTATE
SELECT denial_root_cause('16', 'N290,M51');
\echo :LAST_ERROR_SQLSTATE

--
-- load_carc(): a CSV with the header code,display
--
SELECT E'code,display\n1,Deductible Amount\n16,"Claim lacks information, sample text."\n\n97,Sample bundling text.\nZ9,A sample code no one maps. INACTIVE\n' AS carc_file \gset
SELECT * FROM load_carc(:'carc_file', 'T1');
SELECT carc, description, category, shipped, release, inactive FROM denial_reasons WHERE release = 'T1' ORDER BY carc;
SELECT dataset, release, source, rows_loaded FROM releases WHERE dataset = 'denial_reasons';
SELECT carc, status, description, category FROM denial_root_cause('Z9');
-- a reload refreshes the texts (with CRLF line ends and a byte order mark too); a second release takes the rows it gives
SELECT * FROM load_carc(E'\ufeffcode,display\r\n16,Claim lacks information (new text).\r\n', 'T2');
SELECT carc, description, release, shipped FROM denial_reasons WHERE carc IN ('1', '16', '97', 'Z9') ORDER BY carc;
-- a user's change of a shipped mapping makes the row the user's; loads keep it
UPDATE denial_reasons SET root_cause = 'Our own reading of 16.', owner = 'front_office' WHERE carc = '16';
SELECT * FROM load_carc(:'carc_file', 'T1');
SELECT carc, root_cause, owner, shipped, release FROM denial_reasons WHERE carc = '16';
-- a change of the text alone (what loads do) keeps a row shipped
UPDATE denial_reasons SET description = 'A text of our own' WHERE carc = '97';
SELECT carc, description, shipped FROM denial_reasons WHERE carc = '97';
-- users add their own codes and map the loaded ones; they cannot mark rows shipped
INSERT INTO denial_reasons (carc, description, category, owner, preventable, denial, rule_ids, root_cause, prevention, shipped)
VALUES ('Z8', 'Payer-specific code', 'authorization', 'front_office', true, true, '{AUTH_MISSING}', 'Our payer''s own code.', 'Get the approval.', true);
UPDATE denial_reasons SET category = 'coding', owner = 'coding', preventable = true, denial = true, shipped = true WHERE carc = 'Z9';
SELECT carc, category, owner, shipped FROM denial_reasons WHERE carc IN ('Z8', 'Z9') ORDER BY carc;
-- the rule ids are checked
UPDATE denial_reasons SET rule_ids = '{NOPE,DX_MISSING,ALSO_NOT}' WHERE carc = 'Z9';
\echo :LAST_ERROR_SQLSTATE
UPDATE denial_reasons SET rule_ids = '{DX_MISSING,DX_MISSING}' WHERE carc = 'Z9';
\echo :LAST_ERROR_SQLSTATE
UPDATE denial_reasons SET rule_ids = '{DX_MISSING,NULL}' WHERE carc = 'Z9';
\echo :LAST_ERROR_SQLSTATE
UPDATE denial_reasons SET category = 'typo' WHERE carc = 'Z9';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO denial_reasons (carc) VALUES ('016');
\echo :LAST_ERROR_SQLSTATE

-- the malformed files: nothing is written
SELECT load_carc(NULL, 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(:'carc_file', ' ');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc('', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(E'code,display\n', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(E'carc_code,text\n16,x\n', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(E'code,display\n16,x\n17\n', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(E'code,display\n16,x\n016,y\n', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(E'code,display\n16,x\n,y\n', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(E'code,display\n16,x\nB77A,y\n', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(E'code,display\n16,x\n17,\n', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(E'code,display\n16,"x\n17,y\n', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT load_carc(E'code,display\n16,x\n18,y\n16,z\n', 'T3');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS t3_rows FROM denial_reasons WHERE release = 'T3';
SELECT count(*) AS t3_releases FROM releases WHERE release = 'T3';
-- parse_carc() shows every line and writes nothing
SELECT line_no, carc, description, skip, problem, errcode FROM parse_carc(E'code,display\n16,x\n\n016,y\n18,z\n16,again\n');

--
-- a restore: CREATE EXTENSION has inserted the shipped rows, then the dump's
-- rows arrive for the same keys.  A dumped shipped row brings its text only;
-- a user's row brings the user's mapping; a new code is inserted.
--
INSERT INTO denial_reasons (carc, description, category, root_cause, prevention, owner, preventable, rule_ids, denial, shipped, release)
VALUES ('18', 'Dumped text of 18', 'duplicate', 'ignored', 'ignored', 'billing', true, '{}', true, true, 'D1'),
	   ('50', 'Dumped text of 50', 'medical_necessity', 'The user''s root cause of 50.', 'The user''s prevention.', 'coding', true, '{}', true, false, 'D1'),
	   ('Z7', 'Dumped code of a user', 'eligibility', 'Own.', 'Own.', 'front_office', false, '{}', true, false, 'D1');
SELECT carc, description, root_cause, owner, rule_ids, shipped, release FROM denial_reasons WHERE carc IN ('18', '50', 'Z7') ORDER BY carc;
INSERT INTO remark_codes (rarc, kind, description) VALUES ('N290', 'supplemental', 'The user''s text of N290.'), ('N999', 'alert', 'Alert: a code of our own.');
SELECT rarc, kind, description, shipped FROM remark_codes WHERE rarc IN ('N290', 'N999') ORDER BY rarc;

ROLLBACK;
