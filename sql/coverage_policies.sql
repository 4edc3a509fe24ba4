-- Coverage policies: the tables the medical necessity rules read, and
-- load_payer_policies(), a payer's policies as a plain CSV (our own small
-- file below).  Malformed lines stop the load with their line number; a
-- release loaded again replaces itself; a policy version of another release
-- is refused.
SET search_path = cleanclaim, public;
SET datestyle = 'ISO, YMD';
CREATE TEMP TABLE f AS SELECT $csv$policy,procedure,diagnosis,covered,group,title,asterisk
RMH-LAB-1,80053,E11.9,Y,1,Metabolic panels,
RMH-LAB-1,80053,I10,Y,1,,
RMH-LAB-1,80048,E11.9,Y,1,,
RMH-LAB-1,80053,Z00.00,N,1,,
RMH-LAB-1,82947,E11.65,Y,2,,
RMH-LAB-1,82947,Z79.4,Y,2,,*

RMH-IMG-2,73610,M25.571,Y,1,"Ankle x-ray, two views",
RMH-IMG-2,73610,,,1,,
$csv$::text AS csv;

SELECT line_no, policy_id, version, title, procedure, procedure_group, diagnosis, covered, asterisk,
	   first_of_policy, first_of_procedure, skip, problem
FROM parse_payer_policies((SELECT csv FROM f));
SELECT * FROM load_payer_policies((SELECT csv FROM f), 'RMH01', '2026-12', '2026-01-01');
SELECT * FROM coverage_policies ORDER BY policy_id;
SELECT * FROM coverage_policy_procedures ORDER BY policy_id, procedure_group, procedure;
SELECT * FROM coverage_policy_diagnoses ORDER BY policy_id, diagnosis_group, covered DESC, diagnosis;
SELECT dataset, release, source, valid_from, rows_loaded FROM releases WHERE dataset = 'coverage_policies';

-- the same release again: replaced, not doubled
SELECT rows_loaded FROM load_payer_policies((SELECT csv FROM f), 'RMH01', '2026-12', '2026-01-01');
SELECT (SELECT count(*) FROM coverage_policies) AS policies, (SELECT count(*) FROM coverage_policy_procedures) AS procedures,
	   (SELECT count(*) FROM coverage_policy_diagnoses) AS diagnoses;

-- a new version in a release of its own sits beside the old one; the same
-- version in another release is refused
SELECT rows_loaded FROM load_payer_policies(E'policy,procedure,diagnosis,covered,group,version\nRMH-IMG-2,73610,M25.572,Y,1,2\n',
											'RMH01', '2027-01', '2027-01-01');
SELECT policy_id, version, release FROM coverage_policies ORDER BY 1, 2;
SELECT * FROM load_payer_policies(E'policy,procedure,diagnosis,covered,group\nRMH-IMG-2,73610,M25.572,Y,1\n', 'RMH01', '2027-02');
\echo :LAST_ERROR_SQLSTATE

-- malformed lines: each stops the load with its line number
SELECT * FROM load_payer_policies(E'policy,procedure,diagnosis,covered,group\nP1,8005,E11.9,Y,1\n', 'RMH01', 'bad');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_payer_policies(E'policy,procedure,diagnosis,covered,group\nP1,80053,E11.9,Y,1\nP1,80053,9ZZ,Y,1\n', 'RMH01', 'bad');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_payer_policies(E'policy,procedure,diagnosis,covered,group\nP1,80053,E11.9,maybe,1\n', 'RMH01', 'bad');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_payer_policies(E'policy,procedure,diagnosis,covered,group\nP1,80053,E11.9,Y,one\n', 'RMH01', 'bad');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_payer_policies(E'policy,procedure,diagnosis,covered,group\nP1,80053,E11.9,Y,1\nP1,80053,E11.9,Y,1\n', 'RMH01', 'bad');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_payer_policies(E'policy,code,diagnosis\nP1,80053,E11.9\n', 'RMH01', 'bad');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_payer_policies(E'policy,procedure,diagnosis,covered,group\n', 'RMH01', 'bad');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_payer_policies(E'policy,procedure,diagnosis,covered,group\nP1,80053,E11.9,Y,1\n', NULL, 'bad');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS bad_release_rows FROM coverage_policies WHERE release = 'bad';

-- payer_coverage: the contractors whose policies a payer follows
INSERT INTO payer_coverage (payer_id, contractor_id) VALUES ('RMH01', 'RMH01');
INSERT INTO payer_coverage (payer_id, contractor_id, state) VALUES ('MCR01', '04112', 'CO'), ('MCR01', '04112', 'WY');
INSERT INTO payer_coverage (payer_id, contractor_id) VALUES ('RMH01', 'RMH01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO payer_coverage (payer_id, contractor_id, state) VALUES ('MCR01', '04112', 'Colorado');
\echo :LAST_ERROR_SQLSTATE

-- delete_release takes a release of the policies out whole
SELECT delete_release('coverage_policies', '2027-01');
SELECT policy_id, version FROM coverage_policies ORDER BY 1, 2;
DELETE FROM coverage_policies;
DELETE FROM payer_coverage;
DELETE FROM releases WHERE dataset = 'coverage_policies';
