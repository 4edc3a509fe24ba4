
-- Claim outcome metrics: one claim's outcome (claim_outcome), the state of the
-- metric aggregates (claim_stats), the aggregates, and the metrics read off a
-- state.  Every aggregate is parallel safe with a combine function and a
-- concrete state type, so PostgreSQL runs it in parallel and partitionwise and
-- Citus pushes it down to the workers (partial states travel as text).

CREATE TYPE claim_outcome;

CREATE FUNCTION claim_outcome_in(cstring) RETURNS claim_outcome
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_outcome_in(cstring) IS 'I/O: text input of claim_outcome (key=value pairs named like the constructor''s arguments), as strict as claim_outcome()';
CREATE FUNCTION claim_outcome_out(claim_outcome) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_outcome_out(claim_outcome) IS 'I/O: text output of claim_outcome (key=value pairs; dates YYYY-MM-DD whatever DateStyle says)';
CREATE FUNCTION claim_outcome_recv(internal) RETURNS claim_outcome
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_outcome_recv(internal) IS 'I/O: binary input of claim_outcome, as strict as text input';
CREATE FUNCTION claim_outcome_send(claim_outcome) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_outcome_send(claim_outcome) IS 'I/O: binary output of claim_outcome (a version byte, then the fields)';

CREATE TYPE claim_outcome (
	INPUT = claim_outcome_in, OUTPUT = claim_outcome_out,
	RECEIVE = claim_outcome_recv, SEND = claim_outcome_send,
	INTERNALLENGTH = 64, ALIGNMENT = double, STORAGE = plain
);
COMMENT ON TYPE claim_outcome IS 'one claim''s outcome for the claim metrics (scrub result, quality score, submissions and front-end answers, first adjudication, amounts in exact cents, touches, submission and payment dates); 64 bytes, made with claim_outcome(...)';

CREATE FUNCTION claim_outcome(
	charge numeric DEFAULT 0,
	clean boolean DEFAULT NULL,
	quality_score double precision DEFAULT NULL,
	submissions integer DEFAULT 0,
	first_response text DEFAULT NULL,
	first_adjudication text DEFAULT NULL,
	denied_amount numeric DEFAULT 0,
	paid_amount numeric DEFAULT 0,
	written_off numeric DEFAULT 0,
	touches integer DEFAULT 0,
	submitted_on date DEFAULT NULL,
	paid_on date DEFAULT NULL,
	rejections integer DEFAULT NULL,
	reversed boolean DEFAULT false)
	RETURNS claim_outcome
	AS 'MODULE_PATHNAME', 'claim_outcome_make' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION claim_outcome(numeric, boolean, double precision, integer, text, text, numeric, numeric, numeric, integer, date, date, integer, boolean) IS 'one claim''s outcome, from named arguments mapped to your columns: charge, clean (NULL: not scrubbed), quality_score 0-100, submissions, first_response (accepted, rejected), first_adjudication (paid, partially_denied, denied, patient_responsibility, pending), denied_amount, paid_amount, written_off, touches, submitted_on, paid_on, rejections (NULL: from first_response), reversed; NULL means unknown (amounts and counts 0); inconsistent values raise 22023';

CREATE TYPE claim_stats;

CREATE FUNCTION claim_stats_in(cstring) RETURNS claim_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_stats_in(cstring) IS 'I/O: text input of claim_stats ("v1 claims=... days={days:claims,...}"), checked for consistency; how Citus reads partial states';
CREATE FUNCTION claim_stats_out(claim_stats) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_stats_out(claim_stats) IS 'I/O: text output of claim_stats, exact (it reads back to the same state)';
CREATE FUNCTION claim_stats_recv(internal) RETURNS claim_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_stats_recv(internal) IS 'I/O: binary input of claim_stats, as strict as text input';
CREATE FUNCTION claim_stats_send(claim_stats) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_stats_send(claim_stats) IS 'I/O: binary output of claim_stats (a version byte, the counters, the days-to-payment pairs)';

CREATE TYPE claim_stats (
	INPUT = claim_stats_in, OUTPUT = claim_stats_out,
	RECEIVE = claim_stats_recv, SEND = claim_stats_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
COMMENT ON TYPE claim_stats IS 'the state of the claim metric aggregates: exact counters, sums in cents and the exact days-to-payment distribution; store it per day and payer and merge() it over any range';

-- aggregate support

CREATE FUNCTION claim_stats_accum(claim_stats, claim_outcome) RETURNS claim_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION claim_stats_accum(claim_stats, claim_outcome) IS 'transition function of claim_stats(claim_outcome): counts one outcome in (NULL skipped), in place inside an aggregate';
CREATE FUNCTION claim_stats_combine(claim_stats, claim_stats) RETURNS claim_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_stats_combine(claim_stats, claim_stats) IS 'combine function of claim_stats() and merge(), transition function of merge(): adds the second state into the first';
CREATE FUNCTION claim_stats_final(claim_stats) RETURNS claim_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claim_stats_final(claim_stats) IS 'final function of claim_stats() and merge(): the state without the spare room it kept for new days-to-payment values';

CREATE AGGREGATE claim_stats(claim_outcome) (
	SFUNC = claim_stats_accum, STYPE = claim_stats,
	FINALFUNC = claim_stats_final, COMBINEFUNC = claim_stats_combine,
	INITCOND = 'v1 claims=0 scrubbed=0 clean=0 scored=0 quality=0.00 submitted=0 submissions=0 rejections=0 first_accepted=0 first_rejected=0 paid=0 partially_denied=0 denied=0 patient_responsibility=0 pending=0 first_pass_resolved=0 reversed=0 touches=0 touchless=0 charges=0.00 adjudicated_charges=0.00 denied_charges=0.00 denied_amount=0.00 paid_amount=0.00 written_off=0.00 paid_claims=0 days={}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE claim_stats(claim_outcome) IS 'the claim metrics state of a group of claim outcomes (NULL outcomes skipped; no rows: an empty state); read it with scorecard() or the metric functions';

CREATE AGGREGATE merge(claim_stats) (
	SFUNC = claim_stats_combine, STYPE = claim_stats,
	FINALFUNC = claim_stats_final, COMBINEFUNC = claim_stats_combine,
	INITCOND = 'v1 claims=0 scrubbed=0 clean=0 scored=0 quality=0.00 submitted=0 submissions=0 rejections=0 first_accepted=0 first_rejected=0 paid=0 partially_denied=0 denied=0 patient_responsibility=0 pending=0 first_pass_resolved=0 reversed=0 touches=0 touchless=0 charges=0.00 adjudicated_charges=0.00 denied_charges=0.00 denied_amount=0.00 paid_amount=0.00 written_off=0.00 paid_claims=0 days={}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE merge(claim_stats) IS 'merges stored claim_stats states (rollups, states from other nodes) into exactly the state of all their claims; NULL states skipped';

-- the metrics of a state: NULL when the denominator is 0

CREATE FUNCTION claims(claim_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'claim_stats_claims' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claims(claim_stats) IS 'claim outcomes counted';
CREATE FUNCTION claims_submitted(claim_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'claim_stats_claims_submitted' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claims_submitted(claim_stats) IS 'claims sent at least once';
CREATE FUNCTION claims_adjudicated(claim_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'claim_stats_claims_adjudicated' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claims_adjudicated(claim_stats) IS 'claims with a first adjudication: paid, partially denied, denied or moved to patient responsibility (not pending)';
CREATE FUNCTION claims_denied(claim_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'claim_stats_claims_denied' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claims_denied(claim_stats) IS 'claims denied in full or in part at their first adjudication';
CREATE FUNCTION claims_pending(claim_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'claim_stats_claims_pending' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION claims_pending(claim_stats) IS 'claims submitted and awaiting their first adjudication (first_adjudication pending)';
CREATE FUNCTION reversals(claim_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'claim_stats_reversals' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION reversals(claim_stats) IS 'claims whose first adjudication (a payment or patient responsibility) was reversed later';
CREATE FUNCTION clean_claim_rate(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_clean_claim_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION clean_claim_rate(claim_stats) IS 'HFMA MAP Key CL-1: claims that passed every edit with no manual intervention / claims scrubbed, a fraction 0-1';
CREATE FUNCTION first_pass_acceptance_rate(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_first_pass_acceptance_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION first_pass_acceptance_rate(claim_stats) IS 'claims accepted by the clearinghouse or payer front end on their first submission / claims submitted with a known first response, 0-1';
CREATE FUNCTION rejection_rate(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_rejection_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rejection_rate(claim_stats) IS 'front-end rejections (999/277CA) / submissions, 0-1';
CREATE FUNCTION denial_rate(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_denial_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION denial_rate(claim_stats) IS 'initial denial rate by count (HFMA Claim Integrity Task Force): claims denied in full or in part at first adjudication / claims adjudicated, 0-1';
CREATE FUNCTION denial_rate_dollars(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_denial_rate_dollars' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION denial_rate_dollars(claim_stats) IS 'initial denial rate by dollars: charges of the claims denied in full or in part at first adjudication / charges of the claims adjudicated, 0-1';
CREATE FUNCTION first_pass_resolution_rate(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_first_pass_resolution_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION first_pass_resolution_rate(claim_stats) IS 'claims resolved (paid, or moved to patient responsibility, and not reversed) on their only submission / claims adjudicated, 0-1';
CREATE FUNCTION resubmissions_per_claim(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_resubmissions_per_claim' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION resubmissions_per_claim(claim_stats) IS 'sends after the first / claims submitted';
CREATE FUNCTION touches_per_claim(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_touches_per_claim' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION touches_per_claim(claim_stats) IS 'manual interventions (holds released, edits overridden, corrections, resubmissions, appeals) / claims';
CREATE FUNCTION touchless_rate(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_touchless_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION touchless_rate(claim_stats) IS 'claims with no touch / claims, 0-1';
CREATE FUNCTION days_to_payment_mean(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_days_to_payment_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION days_to_payment_mean(claim_stats) IS 'mean days from the first submission to the payment, over the claims with both dates';
CREATE FUNCTION days_to_payment_median(claim_stats) RETURNS integer
	AS 'MODULE_PATHNAME', 'claim_stats_days_to_payment_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION days_to_payment_median(claim_stats) IS 'median days from the first submission to the payment, exact (percentile_disc(0.5))';
CREATE FUNCTION days_to_payment_p90(claim_stats) RETURNS integer
	AS 'MODULE_PATHNAME', 'claim_stats_days_to_payment_p90' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION days_to_payment_p90(claim_stats) IS '90th percentile of the days from the first submission to the payment, exact (percentile_disc(0.9))';
CREATE FUNCTION charged_dollars(claim_stats) RETURNS numeric
	AS 'MODULE_PATHNAME', 'claim_stats_charged_dollars' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION charged_dollars(claim_stats) IS 'total charges, exact';
CREATE FUNCTION paid_dollars(claim_stats) RETURNS numeric
	AS 'MODULE_PATHNAME', 'claim_stats_paid_dollars' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION paid_dollars(claim_stats) IS 'total paid (net of reversals), exact';
CREATE FUNCTION denied_dollars(claim_stats) RETURNS numeric
	AS 'MODULE_PATHNAME', 'claim_stats_denied_dollars' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION denied_dollars(claim_stats) IS 'total denied at first adjudication, exact';
CREATE FUNCTION written_off_dollars(claim_stats) RETURNS numeric
	AS 'MODULE_PATHNAME', 'claim_stats_written_off_dollars' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION written_off_dollars(claim_stats) IS 'total written off, exact';
CREATE FUNCTION quality_score(claim_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_stats_quality_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION quality_score(claim_stats) IS 'claim quality score of the group, 0-100: the mean of the per-claim scores given (each kept to the hundredth)';
CREATE FUNCTION grade(claim_stats) RETURNS text
	AS 'MODULE_PATHNAME', 'claim_stats_grade' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION grade(claim_stats) IS 'colour band of the clean claim rate: green at 97% or more, yellow from 93% to below 97%, red below 93%; NULL when no claim was scrubbed';

CREATE FUNCTION scorecard(stats claim_stats,
	OUT claims bigint, OUT claims_submitted bigint, OUT claims_adjudicated bigint,
	OUT claims_denied bigint, OUT claims_pending bigint, OUT reversals bigint,
	OUT clean_claim_rate double precision, OUT first_pass_acceptance_rate double precision,
	OUT rejection_rate double precision, OUT denial_rate double precision,
	OUT denial_rate_dollars double precision, OUT first_pass_resolution_rate double precision,
	OUT resubmissions_per_claim double precision, OUT touches_per_claim double precision,
	OUT touchless_rate double precision, OUT days_to_payment_mean double precision,
	OUT days_to_payment_median integer, OUT days_to_payment_p90 integer,
	OUT charged_dollars numeric, OUT paid_dollars numeric, OUT denied_dollars numeric,
	OUT written_off_dollars numeric, OUT quality_score double precision, OUT grade text)
	AS 'MODULE_PATHNAME', 'claim_stats_scorecard' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION scorecard(claim_stats) IS 'every claim metric of a state as one row: SELECT payer, (scorecard(claim_stats(outcome))).* ... GROUP BY payer';

-- quick rates over a boolean column: the fraction of true among the non-NULL values

CREATE FUNCTION rate_accum(bigint[], boolean) RETURNS bigint[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_accum(bigint[], boolean) IS 'transition function of first_pass_rate(), rejection_rate() and denial_rate(): counts {true, non-NULL} in place inside an aggregate';
CREATE FUNCTION rate_combine(bigint[], bigint[]) RETURNS bigint[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_combine(bigint[], bigint[]) IS 'combine function of first_pass_rate(), rejection_rate() and denial_rate(): adds the counts';
CREATE FUNCTION rate_final(bigint[]) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_final(bigint[]) IS 'final function of first_pass_rate(), rejection_rate() and denial_rate(): true / non-NULL, NULL when there were only NULLs';

CREATE AGGREGATE first_pass_rate(boolean) (
	SFUNC = rate_accum, STYPE = bigint[], INITCOND = '{0,0}',
	FINALFUNC = rate_final, COMBINEFUNC = rate_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE first_pass_rate(boolean) IS 'fraction of true among the non-NULL values (accepted on the first submission, say), double precision 0-1; NULL on no rows';
CREATE AGGREGATE rejection_rate(boolean) (
	SFUNC = rate_accum, STYPE = bigint[], INITCOND = '{0,0}',
	FINALFUNC = rate_final, COMBINEFUNC = rate_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE rejection_rate(boolean) IS 'fraction of true among the non-NULL values (a submission rejected by the front end, say), double precision 0-1; NULL on no rows';
CREATE AGGREGATE denial_rate(boolean) (
	SFUNC = rate_accum, STYPE = bigint[], INITCOND = '{0,0}',
	FINALFUNC = rate_final, COMBINEFUNC = rate_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE denial_rate(boolean) IS 'fraction of true among the non-NULL values (an adjudicated claim denied in full or in part, say), double precision 0-1; NULL on no rows';
