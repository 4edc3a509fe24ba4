-- Claim metrics: claim_outcome, the claim_stats aggregate and state, the
-- metrics, the boolean rate aggregates.  Values checked by hand.
SET search_path = cleanclaim, public;
SET datestyle = 'SQL, DMY';	-- claim_outcome prints YYYY-MM-DD whatever the style
SET extra_float_digits = 0;

-- ===== claim_outcome =====
SELECT claim_outcome();
SELECT claim_outcome(charge => 100, clean => true, quality_score => 87.555, submissions => 1,
					 first_response => 'accepted', first_adjudication => 'paid', paid_amount => 80,
					 submitted_on => '2026-09-05', paid_on => '2026-09-25', touches => 0);
-- rejections default from the first response
SELECT claim_outcome(submissions => 2, first_response => 'rejected', first_adjudication => 'denied',
					 charge => 50, denied_amount => 50, submitted_on => '2026-01-01');
-- NULL arguments mean unknown, amounts and counts 0
SELECT claim_outcome(charge => NULL, submissions => NULL, touches => NULL, reversed => NULL);
-- amounts exactly in cents, up to the largest int64 of cents
SELECT claim_outcome(charge => 0.1)::text, claim_outcome(charge => 1.50000)::text,
	   claim_outcome(charge => 12345678901234.56)::text, claim_outcome(charge => 92233720368547758.07)::text;
-- quality kept to the hundredth, half away from zero
SELECT claim_outcome(quality_score => 99.995)::text, claim_outcome(quality_score => 0.004)::text;

-- text input reads what output prints, and defaults like the constructor
SELECT 'charge=100.00 clean=true quality_score=87.56 submissions=1 first_response=accepted first_adjudication=paid denied_amount=0.00 paid_amount=80.00 written_off=0.00 touches=0 submitted_on=2026-09-05 paid_on=2026-09-25 rejections=0 reversed=false'::claim_outcome;
SELECT ''::claim_outcome;
SELECT '  reversed=true submissions=1 first_adjudication=paid   charge=5 '::claim_outcome;
SELECT o::text::claim_outcome::text = o::text AS text_round_trip
FROM (VALUES (claim_outcome()), (claim_outcome(charge => 7.01, clean => false, quality_score => 33.3, submissions => 3,
			  first_response => 'rejected', rejections => 2, first_adjudication => 'partially_denied', denied_amount => 1,
			  paid_amount => 6.01, written_off => 1, touches => 4, submitted_on => '2026-02-28', paid_on => '2026-03-01'))) v(o);

-- binary output: a version byte then the fields
SELECT claim_outcome_send(claim_outcome(charge => 1.00, submissions => 1, first_response => 'accepted'));

-- ===== errors: every one names the value, says what is wrong and what is accepted =====
SELECT claim_outcome(charge => -1);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(paid_amount => -5.00);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(denied_amount => -0.01);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(written_off => -3);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => -1);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(touches => -2);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, rejections => -1);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 10.005);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 92233720368547758.08);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 1e30);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 'Infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(quality_score => 100.5);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(quality_score => -1);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(quality_score => 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, first_response => 'acepted');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, first_response => 'Accepted');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, first_adjudication => 'approved');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, first_adjudication => 'reversed');
\echo :LAST_ERROR_SQLSTATE
-- recorded with no submission
SELECT claim_outcome(first_response => 'accepted');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(first_adjudication => 'paid');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submitted_on => '2026-01-01');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(paid_amount => 10);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 10, denied_amount => 10);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(reversed => true);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(rejections => 1);
\echo :LAST_ERROR_SQLSTATE
-- dates
SELECT claim_outcome(submissions => 1, submitted_on => '2026-09-05', paid_on => '2026-09-04');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, paid_on => '2026-09-04');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, submitted_on => 'infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, submitted_on => '0044-03-15 BC');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, submitted_on => '2026-01-01', paid_on => '12026-01-01');
\echo :LAST_ERROR_SQLSTATE
-- amounts against the charge and the adjudication
SELECT claim_outcome(charge => 400, submissions => 1, first_adjudication => 'denied', denied_amount => 500);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 400, written_off => 400.01);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 400, submissions => 1, first_adjudication => 'paid', denied_amount => 10);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 400, submissions => 1, denied_amount => 10);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(charge => 400, submissions => 1, first_adjudication => 'pending', paid_amount => 10);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, first_adjudication => 'pending', submitted_on => '2026-01-01', paid_on => '2026-01-02');
\echo :LAST_ERROR_SQLSTATE
-- rejections and submissions
SELECT claim_outcome(submissions => 1, first_response => 'rejected', first_adjudication => 'paid');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 2, rejections => 3);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 2, first_response => 'rejected', rejections => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 2, first_response => 'accepted', rejections => 2);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 2, rejections => 2, first_adjudication => 'denied');
\echo :LAST_ERROR_SQLSTATE
-- reversals
SELECT claim_outcome(submissions => 1, first_adjudication => 'denied', reversed => true);
\echo :LAST_ERROR_SQLSTATE
SELECT claim_outcome(submissions => 1, reversed => true);
\echo :LAST_ERROR_SQLSTATE
-- text input: syntax (22P02) and the constructor's checks (22023)
SELECT 'charge'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE
SELECT 'colour=red'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE
SELECT 'charge=1 charge=2'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE
SELECT 'charge=1,00'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE
SELECT 'clean=yes'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE
SELECT 'submissions=1 submitted_on=2026-02-30'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE
SELECT 'touches=1.5'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE
SELECT 'quality_score=high'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE
SELECT 'charge=-2'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE
SELECT 'submissions=1 first_adjudication=lost'::claim_outcome;
\echo :LAST_ERROR_SQLSTATE

-- ===== the metrics of ten hand-made claims =====
--  id charge clean quality subs first    first adj        denied paid   w/o    touches sent  paid  days
--  1  100    t     100     1    accepted paid             0      80     0      0       09-01 09-11 10
--  2  200    t     95      1    accepted paid             0      150    0      0       09-01 09-21 20
--  3  300    f     75      2    rejected paid             0      250    0      1       09-02 09-22 20
--  4  400    t     90      1    accepted partially_denied 100    280    0      0       09-02 10-02 30
--  5  500    f     50      1    accepted denied           500    0      500    2       09-03 -
--  6  600    t     100     1    accepted paid, reversed   0      0      0      1       09-03 -
--  7  700    t     100     1    accepted pending          0      0      0      0       09-04 -
--  8  800    -     -       0    -        -                0      0      0      0       -     -
--  9  50     t     100     1    accepted patient_resp.    0      0      0      0       09-05 09-15 10
--  10 150    t     98.5    3    rejected paid (2 rejections) 0   150    0      3       09-05 10-05 30
CREATE TABLE outcomes (id int, payer text, day date, outcome claim_outcome);
INSERT INTO outcomes VALUES
 (1, 'P1', '2026-09-01', claim_outcome(charge => 100, clean => true, quality_score => 100, submissions => 1, first_response => 'accepted', first_adjudication => 'paid', paid_amount => 80, submitted_on => '2026-09-01', paid_on => '2026-09-11')),
 (2, 'P1', '2026-09-01', claim_outcome(charge => 200, clean => true, quality_score => 95, submissions => 1, first_response => 'accepted', first_adjudication => 'paid', paid_amount => 150, submitted_on => '2026-09-01', paid_on => '2026-09-21')),
 (3, 'P2', '2026-09-02', claim_outcome(charge => 300, clean => false, quality_score => 75, submissions => 2, first_response => 'rejected', first_adjudication => 'paid', paid_amount => 250, touches => 1, submitted_on => '2026-09-02', paid_on => '2026-09-22')),
 (4, 'P2', '2026-09-02', claim_outcome(charge => 400, clean => true, quality_score => 90, submissions => 1, first_response => 'accepted', first_adjudication => 'partially_denied', denied_amount => 100, paid_amount => 280, submitted_on => '2026-09-02', paid_on => '2026-10-02')),
 (5, 'P1', '2026-09-03', claim_outcome(charge => 500, clean => false, quality_score => 50, submissions => 1, first_response => 'accepted', first_adjudication => 'denied', denied_amount => 500, written_off => 500, touches => 2, submitted_on => '2026-09-03')),
 (6, 'P2', '2026-09-03', claim_outcome(charge => 600, clean => true, quality_score => 100, submissions => 1, first_response => 'accepted', first_adjudication => 'paid', reversed => true, touches => 1, submitted_on => '2026-09-03')),
 (7, 'P1', '2026-09-04', claim_outcome(charge => 700, clean => true, quality_score => 100, submissions => 1, first_response => 'accepted', first_adjudication => 'pending', submitted_on => '2026-09-04')),
 (8, 'P2', '2026-09-04', claim_outcome(charge => 800)),
 (9, 'P1', '2026-09-05', claim_outcome(charge => 50, clean => true, quality_score => 100, submissions => 1, first_response => 'accepted', first_adjudication => 'patient_responsibility', submitted_on => '2026-09-05', paid_on => '2026-09-15')),
 (10, 'P2', '2026-09-05', claim_outcome(charge => 150, clean => true, quality_score => 98.5, submissions => 3, first_response => 'rejected', rejections => 2, first_adjudication => 'paid', paid_amount => 150, touches => 3, submitted_on => '2026-09-05', paid_on => '2026-10-05'));

SELECT claim_stats(outcome) FROM outcomes;
-- expected, by hand:
--  claims 10; submitted 9; adjudicated 8 (paid 5, partially denied 1, denied 1, patient resp. 1); denied 2; pending 1; reversals 1
--  clean claim rate 7/9 = 0.7778 (claim 8 not scrubbed)
--  first-pass acceptance 7/9 = 0.7778; rejection rate 3 rejections / 12 sends = 0.25
--  denial rate 2/8 = 0.25; by dollars (400 + 500) / 2300 = 0.3913
--  first-pass resolution 3/8 = 0.375 (claims 1, 2, 9: claim 3 and 10 were resent, 6 reversed)
--  resubmissions per claim (12 - 9) / 9 = 0.3333; touches per claim 7/10 = 0.7; touchless 6/10 = 0.6
--  days to payment 10, 10, 20, 20, 30, 30: mean 20, median 20, p90 30
--  charged 3800.00, paid 910.00, denied 600.00, written off 500.00
--  quality 808.5 / 9 = 89.8333; grade red (77.8% clean)
\x on
SELECT (scorecard(claim_stats(outcome))).* FROM outcomes;
\x off

-- each metric function says the same
SELECT claims(s), claims_submitted(s), claims_adjudicated(s), claims_denied(s), claims_pending(s), reversals(s),
	   round(clean_claim_rate(s)::numeric, 4) AS ccr, round(first_pass_acceptance_rate(s)::numeric, 4) AS fpar,
	   rejection_rate(s), denial_rate(s), round(denial_rate_dollars(s)::numeric, 4) AS drd,
	   first_pass_resolution_rate(s), round(resubmissions_per_claim(s)::numeric, 4) AS rpc, touches_per_claim(s),
	   touchless_rate(s), days_to_payment_mean(s), days_to_payment_median(s), days_to_payment_p90(s),
	   charged_dollars(s), paid_dollars(s), denied_dollars(s), written_off_dollars(s),
	   round(quality_score(s)::numeric, 4) AS quality, grade(s)
FROM (SELECT claim_stats(outcome) AS s FROM outcomes) t;

-- the exact days agree with percentile_disc
SELECT days_to_payment_median(claim_stats(outcome)) = percentile_disc(0.5) WITHIN GROUP (ORDER BY days) AS median_ok,
	   days_to_payment_p90(claim_stats(outcome)) = percentile_disc(0.9) WITHIN GROUP (ORDER BY days) AS p90_ok
FROM (SELECT outcome, substring(outcome::text FROM 'paid_on=(\S+)')::date - substring(outcome::text FROM 'submitted_on=(\S+)')::date AS days
	  FROM outcomes) t;

-- per payer, and per day merged back to the whole
SELECT payer, claims, clean_claim_rate, denial_rate, paid_dollars, grade
FROM (SELECT payer, (scorecard(claim_stats(outcome))).* FROM outcomes GROUP BY payer) t ORDER BY payer;
CREATE TABLE daily AS SELECT day, payer, claim_stats(outcome) AS stats FROM outcomes GROUP BY day, payer;
SELECT (SELECT merge(stats) FROM daily)::text = (SELECT claim_stats(outcome) FROM outcomes)::text AS merged_days_equal_all_rows;
-- states printed as text, read back and merged
SELECT (SELECT merge(stats::text::claim_stats) FROM daily)::text = (SELECT claim_stats(outcome) FROM outcomes)::text AS text_states_merge;

-- ===== edge cases =====
-- no claims: counts 0, rates NULL, amounts 0, no grade
SELECT claims(s), clean_claim_rate(s), denial_rate(s), days_to_payment_median(s), charged_dollars(s), grade(s), s
FROM (SELECT claim_stats(outcome) AS s FROM outcomes WHERE false) t;
-- NULL outcomes are skipped
SELECT claims(claim_stats(o)) FROM (VALUES (NULL::claim_outcome), (claim_outcome())) v(o);
-- all rejected: nothing adjudicated
SELECT claims_submitted(s), first_pass_acceptance_rate(s), rejection_rate(s), denial_rate(s), first_pass_resolution_rate(s)
FROM (SELECT claim_stats(claim_outcome(charge => 10, submissions => 1, first_response => 'rejected')) AS s
	  FROM generate_series(1, 3)) t;
-- partial denials count as denials by count and by the whole charge in dollars
SELECT denial_rate(s), denial_rate_dollars(s), denied_dollars(s)
FROM (SELECT claim_stats(o) AS s FROM (VALUES
	(claim_outcome(charge => 100, submissions => 1, first_adjudication => 'partially_denied', denied_amount => 10, paid_amount => 90)),
	(claim_outcome(charge => 300, submissions => 1, first_adjudication => 'paid', paid_amount => 300))) v(o)) t;
-- a reversal: adjudicated, not a denial, not a first-pass resolution
SELECT claims_adjudicated(s), claims_denied(s), reversals(s), first_pass_resolution_rate(s), paid_dollars(s)
FROM (SELECT claim_stats(claim_outcome(charge => 100, submissions => 1, first_adjudication => 'patient_responsibility', reversed => true)) AS s) t;
-- pending: submitted, not adjudicated
SELECT claims_submitted(s), claims_pending(s), claims_adjudicated(s), denial_rate(s), first_pass_resolution_rate(s)
FROM (SELECT claim_stats(claim_outcome(submissions => 1, first_response => 'accepted', first_adjudication => 'pending')) AS s) t;
-- grades at 97, 96.99, 93 and 92.99 % clean
SELECT n, clean, grade(claim_stats(claim_outcome(clean => i <= clean)))
FROM (VALUES (100, 97), (10000, 9699), (100, 93), (10000, 9299)) v(n, clean), generate_series(1, n) i
GROUP BY n, clean ORDER BY clean * 10000 / n DESC;
-- not scrubbed at all: no grade
SELECT grade(claim_stats(claim_outcome(charge => 1)));

-- a stored generated column
CREATE TABLE ledger_rows (
	charge numeric(12,2), clean boolean, sent int, first text, adj text, paid numeric(12,2),
	outcome claim_outcome GENERATED ALWAYS AS (claim_outcome(charge => charge, clean => clean, submissions => sent,
		first_response => first, first_adjudication => adj, paid_amount => paid)) STORED);
INSERT INTO ledger_rows VALUES (10, true, 1, 'accepted', 'paid', 9), (20, false, 0, NULL, NULL, 0);
SELECT outcome FROM ledger_rows;
INSERT INTO ledger_rows VALUES (10, true, 0, 'accepted', NULL, 0);
\echo :LAST_ERROR_SQLSTATE

-- window use: a running state
SELECT id, claims(s), clean_claim_rate(s)
FROM (SELECT id, claim_stats(outcome) OVER (ORDER BY id) AS s FROM outcomes) t WHERE id IN (1, 3, 10) ORDER BY id;

-- called directly, outside an aggregate, the functions leave their argument alone
WITH s AS (SELECT claim_stats(outcome) AS s FROM outcomes WHERE id = 1)
SELECT claims(claim_stats_accum(s, claim_outcome())) AS after_accum, claims(claim_stats_combine(s, s)) AS combined,
	   claims(s) AS unchanged, claim_stats_accum(NULL, NULL) IS NULL AS null_null
FROM s;

-- ===== claim_stats text input =====
SELECT 'v1 claims=0 scrubbed=0 clean=0 scored=0 quality=0.00 submitted=0 submissions=0 rejections=0 first_accepted=0 first_rejected=0 paid=0 partially_denied=0 denied=0 patient_responsibility=0 pending=0 first_pass_resolved=0 reversed=0 touches=0 touchless=0 charges=0.00 adjudicated_charges=0.00 denied_charges=0.00 denied_amount=0.00 paid_amount=0.00 written_off=0.00 paid_claims=0 days={}'::claim_stats;
SELECT 'v2 claims=0'::claim_stats;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 claims=1 days={}'::claim_stats;
\echo :LAST_ERROR_SQLSTATE
SELECT replace(claim_stats(outcome)::text, 'touches=7', 'touches=7 touches=7')::claim_stats FROM outcomes;
\echo :LAST_ERROR_SQLSTATE
SELECT replace(claim_stats(outcome)::text, 'touches=7', 'taps=7')::claim_stats FROM outcomes;
\echo :LAST_ERROR_SQLSTATE
SELECT replace(claim_stats(outcome)::text, 'claims=10', 'claims=-10')::claim_stats FROM outcomes;
\echo :LAST_ERROR_SQLSTATE
SELECT replace(claim_stats(outcome)::text, 'clean=7', 'clean=70')::claim_stats FROM outcomes;
\echo :LAST_ERROR_SQLSTATE
SELECT replace(claim_stats(outcome)::text, '30:2}', '30:3}')::claim_stats FROM outcomes;
\echo :LAST_ERROR_SQLSTATE
SELECT replace(claim_stats(outcome)::text, '{10:2,20:2', '{20:2,10:2')::claim_stats FROM outcomes;
\echo :LAST_ERROR_SQLSTATE
SELECT replace(claim_stats(outcome)::text, '}', '} extra')::claim_stats FROM outcomes;
\echo :LAST_ERROR_SQLSTATE
SELECT replace(claim_stats(outcome)::text, 'charges=3800.00', 'charges=3800.001')::claim_stats FROM outcomes;
\echo :LAST_ERROR_SQLSTATE

-- ===== binary I/O: COPY in binary format, and forged values =====
-- pg_temp.copy_in(bytes) writes a one-column binary COPY file holding bytes and copies it into binary_in
\set SHOW_CONTEXT never
CREATE TABLE binary_in (o claim_outcome, s claim_stats);
CREATE FUNCTION pg_temp.copy_in(col text, bytes bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	file text := current_setting('data_directory') || '/cleanclaim_regress_metrics.bin';	-- the server's own directory
	lo oid;
BEGIN
	lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
						|| '\x0001'::bytea || int4send(length(bytes)) || bytes || '\xffff'::bytea);
	PERFORM lo_export(lo, file);
	PERFORM lo_unlink(lo);
	EXECUTE format('COPY binary_in (%I) FROM %L (FORMAT binary)', col, file);
END $$;
-- (a cut-short value runs out of bytes: PostgreSQL's own 08P01)
SELECT pg_temp.copy_in('o', claim_outcome_send(outcome)) FROM outcomes;
SELECT pg_temp.copy_in('s', claim_stats_send(claim_stats(outcome))) FROM outcomes;
SELECT (SELECT string_agg(o::text, ';') FROM binary_in WHERE o IS NOT NULL) = (SELECT string_agg(outcome::text, ';' ORDER BY id) FROM outcomes) AS outcomes_round_trip,
	   (SELECT s::text FROM binary_in WHERE s IS NOT NULL) = (SELECT claim_stats(outcome)::text FROM outcomes) AS stats_round_trip;
-- a bad version byte, a bad status code, an inconsistent outcome, a stats value whose days do not add up
SELECT pg_temp.copy_in('o', set_byte(claim_outcome_send(claim_outcome()), 0, 9));
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.copy_in('o', set_byte(claim_outcome_send(claim_outcome(submissions => 1, first_adjudication => 'paid')), 59, 7));
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.copy_in('o', set_byte(claim_outcome_send(claim_outcome(submissions => 1)), 16, 128));
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.copy_in('s', set_byte(claim_stats_send(claim_stats(outcome)), 208, 99)) FROM outcomes;
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.copy_in('s', substring(claim_stats_send(claim_stats(outcome)) FROM 1 FOR 100)) FROM outcomes;
\echo :LAST_ERROR_SQLSTATE

\set SHOW_CONTEXT errors

-- ===== the boolean rate aggregates =====
SELECT first_pass_rate(b), rejection_rate(b), denial_rate(b)
FROM (VALUES (true), (false), (NULL), (true)) v(b);
SELECT first_pass_rate(b) IS NULL AS no_rows, (SELECT first_pass_rate(NULL::boolean)) IS NULL AS only_nulls
FROM (SELECT true WHERE false) v(b);
SELECT first_pass_rate(first = 'accepted'), denial_rate(adj IN ('denied', 'partially_denied'))
FROM ledger_rows;
SELECT rate_final('{1,2,3}');
\echo :LAST_ERROR_SQLSTATE
SELECT rate_final('{3,2}');
\echo :LAST_ERROR_SQLSTATE

DROP TABLE outcomes, daily, ledger_rows, binary_in;
