-- cleanclaim install script, assembled by the Makefile from src/*.sql.
\echo Use "CREATE EXTENSION cleanclaim" to load this file. \quit

CREATE FUNCTION invalid_reason(code_type regtype, value text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION invalid_reason(regtype, text) IS 'why the text is not a valid npi, icd10cm, hcpcs or ndc (the detail its input would raise), NULL when it is valid';

-- The npi type: I/O functions, casts, predicate, operators, operator
-- classes and min/max (generated from src/code_type.sql.in).  A npi is a
-- 64-bit integer passed by value whose integer order is the code's natural
-- order, so the server's int8 functions compare and hash it.

CREATE TYPE npi;

CREATE FUNCTION npi_in(cstring) RETURNS npi
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION npi_in(cstring) IS 'I/O: text input of npi';
CREATE FUNCTION npi_out(npi) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION npi_out(npi) IS 'I/O: text output of npi';
CREATE FUNCTION npi_recv(internal) RETURNS npi
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION npi_recv(internal) IS 'I/O: binary input of npi, as strict as text input';
CREATE FUNCTION npi_send(npi) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION npi_send(npi) IS 'I/O: binary output of npi';

CREATE TYPE npi (
	INPUT = npi_in, OUTPUT = npi_out,
	RECEIVE = npi_recv, SEND = npi_send,
	LIKE = pg_catalog.int8
);

CREATE FUNCTION npi(text) RETURNS npi
	AS 'MODULE_PATHNAME', 'npi_from_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION npi(text) IS 'parses text as npi; raises 22P02 with the reason when it is not one';

CREATE FUNCTION text(npi) RETURNS text
	AS 'MODULE_PATHNAME', 'npi_to_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION text(npi) IS 'canonical text form of the npi';

CREATE CAST (text AS npi) WITH FUNCTION npi(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS npi) IS 'validates and normalizes the text';
CREATE CAST (npi AS text) WITH FUNCTION text(npi) AS ASSIGNMENT;
COMMENT ON CAST (npi AS text) IS 'canonical text form';

CREATE FUNCTION is_valid_npi(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'is_valid_npi'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_valid_npi(text) IS 'true when the text is a valid npi (the same check as the type input); never raises';

CREATE FUNCTION npi_eq(npi, npi) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8eq';
COMMENT ON FUNCTION npi_eq(npi, npi) IS 'implementation of = for npi';
CREATE FUNCTION npi_ne(npi, npi) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ne';
COMMENT ON FUNCTION npi_ne(npi, npi) IS 'implementation of <> for npi';
CREATE FUNCTION npi_lt(npi, npi) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8lt';
COMMENT ON FUNCTION npi_lt(npi, npi) IS 'implementation of < for npi';
CREATE FUNCTION npi_le(npi, npi) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8le';
COMMENT ON FUNCTION npi_le(npi, npi) IS 'implementation of <= for npi';
CREATE FUNCTION npi_gt(npi, npi) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8gt';
COMMENT ON FUNCTION npi_gt(npi, npi) IS 'implementation of > for npi';
CREATE FUNCTION npi_ge(npi, npi) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ge';
COMMENT ON FUNCTION npi_ge(npi, npi) IS 'implementation of >= for npi';
CREATE FUNCTION npi_cmp(npi, npi) RETURNS integer
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'btint8cmp';
COMMENT ON FUNCTION npi_cmp(npi, npi) IS 'btree comparison for npi: -1, 0 or 1';
CREATE FUNCTION npi_sortsupport(internal) RETURNS void
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint8sortsupport';
COMMENT ON FUNCTION npi_sortsupport(internal) IS 'btree sort support for npi';
CREATE FUNCTION npi_hash(npi) RETURNS integer
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8';
COMMENT ON FUNCTION npi_hash(npi) IS 'hash of a npi';
CREATE FUNCTION npi_hash_extended(npi, bigint) RETURNS bigint
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8extended';
COMMENT ON FUNCTION npi_hash_extended(npi, bigint) IS 'seeded 64-bit hash of a npi (hash partitioning)';
CREATE FUNCTION npi_smaller(npi, npi) RETURNS npi
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int8smaller';
COMMENT ON FUNCTION npi_smaller(npi, npi) IS 'the smaller of two npi values';
CREATE FUNCTION npi_larger(npi, npi) RETURNS npi
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int8larger';
COMMENT ON FUNCTION npi_larger(npi, npi) IS 'the larger of two npi values';

CREATE OPERATOR = (
	LEFTARG = npi, RIGHTARG = npi, FUNCTION = npi_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	MERGES, HASHES
);
COMMENT ON OPERATOR = (npi, npi) IS 'equal';
CREATE OPERATOR <> (
	LEFTARG = npi, RIGHTARG = npi, FUNCTION = npi_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (npi, npi) IS 'not equal';
CREATE OPERATOR < (
	LEFTARG = npi, RIGHTARG = npi, FUNCTION = npi_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (npi, npi) IS 'sorts before';
CREATE OPERATOR <= (
	LEFTARG = npi, RIGHTARG = npi, FUNCTION = npi_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (npi, npi) IS 'sorts before or equal';
CREATE OPERATOR > (
	LEFTARG = npi, RIGHTARG = npi, FUNCTION = npi_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (npi, npi) IS 'sorts after';
CREATE OPERATOR >= (
	LEFTARG = npi, RIGHTARG = npi, FUNCTION = npi_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (npi, npi) IS 'sorts after or equal';

CREATE OPERATOR CLASS npi_ops DEFAULT FOR TYPE npi USING btree AS
	OPERATOR 1 <,
	OPERATOR 2 <=,
	OPERATOR 3 =,
	OPERATOR 4 >=,
	OPERATOR 5 >,
	FUNCTION 1 npi_cmp(npi, npi),
	FUNCTION 2 npi_sortsupport(internal),
	FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS npi_ops USING btree IS 'default btree operator class for npi (natural code order, deduplication)';
COMMENT ON OPERATOR FAMILY npi_ops USING btree IS 'btree operators for npi';

CREATE OPERATOR CLASS npi_ops DEFAULT FOR TYPE npi USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 npi_hash(npi),
	FUNCTION 2 npi_hash_extended(npi, bigint);
COMMENT ON OPERATOR CLASS npi_ops USING hash IS 'default hash operator class for npi (hash joins, hash indexes, hash partitioning)';
COMMENT ON OPERATOR FAMILY npi_ops USING hash IS 'hash operators for npi';

CREATE AGGREGATE min(npi) (
	SFUNC = npi_smaller, STYPE = npi, COMBINEFUNC = npi_smaller,
	SORTOP = <, PARALLEL = SAFE
);
COMMENT ON AGGREGATE min(npi) IS 'smallest npi in the group';
CREATE AGGREGATE max(npi) (
	SFUNC = npi_larger, STYPE = npi, COMBINEFUNC = npi_larger,
	SORTOP = >, PARALLEL = SAFE
);
COMMENT ON AGGREGATE max(npi) IS 'largest npi in the group';

COMMENT ON TYPE npi IS 'National Provider Identifier: 10 digits, first 1 or 2, Luhn check digit with the 80840 prefix';

-- The icd10cm type: I/O functions, casts, predicate, operators, operator
-- classes and min/max (generated from src/code_type.sql.in).  A icd10cm is a
-- 64-bit integer passed by value whose integer order is the code's natural
-- order, so the server's int8 functions compare and hash it.

CREATE TYPE icd10cm;

CREATE FUNCTION icd10cm_in(cstring) RETURNS icd10cm
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_in(cstring) IS 'I/O: text input of icd10cm';
CREATE FUNCTION icd10cm_out(icd10cm) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_out(icd10cm) IS 'I/O: text output of icd10cm';
CREATE FUNCTION icd10cm_recv(internal) RETURNS icd10cm
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_recv(internal) IS 'I/O: binary input of icd10cm, as strict as text input';
CREATE FUNCTION icd10cm_send(icd10cm) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_send(icd10cm) IS 'I/O: binary output of icd10cm';

CREATE TYPE icd10cm (
	INPUT = icd10cm_in, OUTPUT = icd10cm_out,
	RECEIVE = icd10cm_recv, SEND = icd10cm_send,
	LIKE = pg_catalog.int8
);

CREATE FUNCTION icd10cm(text) RETURNS icd10cm
	AS 'MODULE_PATHNAME', 'icd10cm_from_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm(text) IS 'parses text as icd10cm; raises 22P02 with the reason when it is not one';

CREATE FUNCTION text(icd10cm) RETURNS text
	AS 'MODULE_PATHNAME', 'icd10cm_to_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION text(icd10cm) IS 'canonical text form of the icd10cm';

CREATE CAST (text AS icd10cm) WITH FUNCTION icd10cm(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS icd10cm) IS 'validates and normalizes the text';
CREATE CAST (icd10cm AS text) WITH FUNCTION text(icd10cm) AS ASSIGNMENT;
COMMENT ON CAST (icd10cm AS text) IS 'canonical text form';

CREATE FUNCTION is_valid_icd10cm(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'is_valid_icd10cm'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_valid_icd10cm(text) IS 'true when the text is a valid icd10cm (the same check as the type input); never raises';

CREATE FUNCTION icd10cm_eq(icd10cm, icd10cm) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8eq';
COMMENT ON FUNCTION icd10cm_eq(icd10cm, icd10cm) IS 'implementation of = for icd10cm';
CREATE FUNCTION icd10cm_ne(icd10cm, icd10cm) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ne';
COMMENT ON FUNCTION icd10cm_ne(icd10cm, icd10cm) IS 'implementation of <> for icd10cm';
CREATE FUNCTION icd10cm_lt(icd10cm, icd10cm) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8lt';
COMMENT ON FUNCTION icd10cm_lt(icd10cm, icd10cm) IS 'implementation of < for icd10cm';
CREATE FUNCTION icd10cm_le(icd10cm, icd10cm) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8le';
COMMENT ON FUNCTION icd10cm_le(icd10cm, icd10cm) IS 'implementation of <= for icd10cm';
CREATE FUNCTION icd10cm_gt(icd10cm, icd10cm) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8gt';
COMMENT ON FUNCTION icd10cm_gt(icd10cm, icd10cm) IS 'implementation of > for icd10cm';
CREATE FUNCTION icd10cm_ge(icd10cm, icd10cm) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ge';
COMMENT ON FUNCTION icd10cm_ge(icd10cm, icd10cm) IS 'implementation of >= for icd10cm';
CREATE FUNCTION icd10cm_cmp(icd10cm, icd10cm) RETURNS integer
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'btint8cmp';
COMMENT ON FUNCTION icd10cm_cmp(icd10cm, icd10cm) IS 'btree comparison for icd10cm: -1, 0 or 1';
CREATE FUNCTION icd10cm_sortsupport(internal) RETURNS void
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint8sortsupport';
COMMENT ON FUNCTION icd10cm_sortsupport(internal) IS 'btree sort support for icd10cm';
CREATE FUNCTION icd10cm_hash(icd10cm) RETURNS integer
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8';
COMMENT ON FUNCTION icd10cm_hash(icd10cm) IS 'hash of a icd10cm';
CREATE FUNCTION icd10cm_hash_extended(icd10cm, bigint) RETURNS bigint
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8extended';
COMMENT ON FUNCTION icd10cm_hash_extended(icd10cm, bigint) IS 'seeded 64-bit hash of a icd10cm (hash partitioning)';
CREATE FUNCTION icd10cm_smaller(icd10cm, icd10cm) RETURNS icd10cm
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int8smaller';
COMMENT ON FUNCTION icd10cm_smaller(icd10cm, icd10cm) IS 'the smaller of two icd10cm values';
CREATE FUNCTION icd10cm_larger(icd10cm, icd10cm) RETURNS icd10cm
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int8larger';
COMMENT ON FUNCTION icd10cm_larger(icd10cm, icd10cm) IS 'the larger of two icd10cm values';

CREATE OPERATOR = (
	LEFTARG = icd10cm, RIGHTARG = icd10cm, FUNCTION = icd10cm_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	MERGES, HASHES
);
COMMENT ON OPERATOR = (icd10cm, icd10cm) IS 'equal';
CREATE OPERATOR <> (
	LEFTARG = icd10cm, RIGHTARG = icd10cm, FUNCTION = icd10cm_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (icd10cm, icd10cm) IS 'not equal';
CREATE OPERATOR < (
	LEFTARG = icd10cm, RIGHTARG = icd10cm, FUNCTION = icd10cm_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (icd10cm, icd10cm) IS 'sorts before';
CREATE OPERATOR <= (
	LEFTARG = icd10cm, RIGHTARG = icd10cm, FUNCTION = icd10cm_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (icd10cm, icd10cm) IS 'sorts before or equal';
CREATE OPERATOR > (
	LEFTARG = icd10cm, RIGHTARG = icd10cm, FUNCTION = icd10cm_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (icd10cm, icd10cm) IS 'sorts after';
CREATE OPERATOR >= (
	LEFTARG = icd10cm, RIGHTARG = icd10cm, FUNCTION = icd10cm_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (icd10cm, icd10cm) IS 'sorts after or equal';

CREATE OPERATOR CLASS icd10cm_ops DEFAULT FOR TYPE icd10cm USING btree AS
	OPERATOR 1 <,
	OPERATOR 2 <=,
	OPERATOR 3 =,
	OPERATOR 4 >=,
	OPERATOR 5 >,
	FUNCTION 1 icd10cm_cmp(icd10cm, icd10cm),
	FUNCTION 2 icd10cm_sortsupport(internal),
	FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS icd10cm_ops USING btree IS 'default btree operator class for icd10cm (natural code order, deduplication)';
COMMENT ON OPERATOR FAMILY icd10cm_ops USING btree IS 'btree operators for icd10cm';

CREATE OPERATOR CLASS icd10cm_ops DEFAULT FOR TYPE icd10cm USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 icd10cm_hash(icd10cm),
	FUNCTION 2 icd10cm_hash_extended(icd10cm, bigint);
COMMENT ON OPERATOR CLASS icd10cm_ops USING hash IS 'default hash operator class for icd10cm (hash joins, hash indexes, hash partitioning)';
COMMENT ON OPERATOR FAMILY icd10cm_ops USING hash IS 'hash operators for icd10cm';

CREATE AGGREGATE min(icd10cm) (
	SFUNC = icd10cm_smaller, STYPE = icd10cm, COMBINEFUNC = icd10cm_smaller,
	SORTOP = <, PARALLEL = SAFE
);
COMMENT ON AGGREGATE min(icd10cm) IS 'smallest icd10cm in the group';
CREATE AGGREGATE max(icd10cm) (
	SFUNC = icd10cm_larger, STYPE = icd10cm, COMBINEFUNC = icd10cm_larger,
	SORTOP = >, PARALLEL = SAFE
);
COMMENT ON AGGREGATE max(icd10cm) IS 'largest icd10cm in the group';

COMMENT ON TYPE icd10cm IS 'ICD-10-CM diagnosis code (shape only), printed upper case with the dot: S72.001A';

CREATE FUNCTION icd10cm_category(icd10cm) RETURNS icd10cm
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_category(icd10cm) IS 'the 3-character category of the code: S72.001A gives S72';

CREATE FUNCTION icd10cm_seventh_char(icd10cm) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_seventh_char(icd10cm) IS 'the 7th character (A initial, D subsequent, S sequela for injuries), NULL when the code has fewer than 7';

CREATE FUNCTION icd10cm_dotless(icd10cm) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_dotless(icd10cm) IS 'the code without the dot, as an X12 837 carries it: S72001A';

-- The hcpcs type: I/O functions, casts, predicate, operators, operator
-- classes and min/max (generated from src/code_type.sql.in).  A hcpcs is a
-- 64-bit integer passed by value whose integer order is the code's natural
-- order, so the server's int8 functions compare and hash it.

CREATE TYPE hcpcs;

CREATE FUNCTION hcpcs_in(cstring) RETURNS hcpcs
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hcpcs_in(cstring) IS 'I/O: text input of hcpcs';
CREATE FUNCTION hcpcs_out(hcpcs) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hcpcs_out(hcpcs) IS 'I/O: text output of hcpcs';
CREATE FUNCTION hcpcs_recv(internal) RETURNS hcpcs
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hcpcs_recv(internal) IS 'I/O: binary input of hcpcs, as strict as text input';
CREATE FUNCTION hcpcs_send(hcpcs) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hcpcs_send(hcpcs) IS 'I/O: binary output of hcpcs';

CREATE TYPE hcpcs (
	INPUT = hcpcs_in, OUTPUT = hcpcs_out,
	RECEIVE = hcpcs_recv, SEND = hcpcs_send,
	LIKE = pg_catalog.int8
);

CREATE FUNCTION hcpcs(text) RETURNS hcpcs
	AS 'MODULE_PATHNAME', 'hcpcs_from_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hcpcs(text) IS 'parses text as hcpcs; raises 22P02 with the reason when it is not one';

CREATE FUNCTION text(hcpcs) RETURNS text
	AS 'MODULE_PATHNAME', 'hcpcs_to_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION text(hcpcs) IS 'canonical text form of the hcpcs';

CREATE CAST (text AS hcpcs) WITH FUNCTION hcpcs(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS hcpcs) IS 'validates and normalizes the text';
CREATE CAST (hcpcs AS text) WITH FUNCTION text(hcpcs) AS ASSIGNMENT;
COMMENT ON CAST (hcpcs AS text) IS 'canonical text form';

CREATE FUNCTION is_valid_hcpcs(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'is_valid_hcpcs'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_valid_hcpcs(text) IS 'true when the text is a valid hcpcs (the same check as the type input); never raises';

CREATE FUNCTION hcpcs_eq(hcpcs, hcpcs) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8eq';
COMMENT ON FUNCTION hcpcs_eq(hcpcs, hcpcs) IS 'implementation of = for hcpcs';
CREATE FUNCTION hcpcs_ne(hcpcs, hcpcs) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ne';
COMMENT ON FUNCTION hcpcs_ne(hcpcs, hcpcs) IS 'implementation of <> for hcpcs';
CREATE FUNCTION hcpcs_lt(hcpcs, hcpcs) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8lt';
COMMENT ON FUNCTION hcpcs_lt(hcpcs, hcpcs) IS 'implementation of < for hcpcs';
CREATE FUNCTION hcpcs_le(hcpcs, hcpcs) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8le';
COMMENT ON FUNCTION hcpcs_le(hcpcs, hcpcs) IS 'implementation of <= for hcpcs';
CREATE FUNCTION hcpcs_gt(hcpcs, hcpcs) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8gt';
COMMENT ON FUNCTION hcpcs_gt(hcpcs, hcpcs) IS 'implementation of > for hcpcs';
CREATE FUNCTION hcpcs_ge(hcpcs, hcpcs) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ge';
COMMENT ON FUNCTION hcpcs_ge(hcpcs, hcpcs) IS 'implementation of >= for hcpcs';
CREATE FUNCTION hcpcs_cmp(hcpcs, hcpcs) RETURNS integer
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'btint8cmp';
COMMENT ON FUNCTION hcpcs_cmp(hcpcs, hcpcs) IS 'btree comparison for hcpcs: -1, 0 or 1';
CREATE FUNCTION hcpcs_sortsupport(internal) RETURNS void
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint8sortsupport';
COMMENT ON FUNCTION hcpcs_sortsupport(internal) IS 'btree sort support for hcpcs';
CREATE FUNCTION hcpcs_hash(hcpcs) RETURNS integer
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8';
COMMENT ON FUNCTION hcpcs_hash(hcpcs) IS 'hash of a hcpcs';
CREATE FUNCTION hcpcs_hash_extended(hcpcs, bigint) RETURNS bigint
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8extended';
COMMENT ON FUNCTION hcpcs_hash_extended(hcpcs, bigint) IS 'seeded 64-bit hash of a hcpcs (hash partitioning)';
CREATE FUNCTION hcpcs_smaller(hcpcs, hcpcs) RETURNS hcpcs
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int8smaller';
COMMENT ON FUNCTION hcpcs_smaller(hcpcs, hcpcs) IS 'the smaller of two hcpcs values';
CREATE FUNCTION hcpcs_larger(hcpcs, hcpcs) RETURNS hcpcs
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int8larger';
COMMENT ON FUNCTION hcpcs_larger(hcpcs, hcpcs) IS 'the larger of two hcpcs values';

CREATE OPERATOR = (
	LEFTARG = hcpcs, RIGHTARG = hcpcs, FUNCTION = hcpcs_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	MERGES, HASHES
);
COMMENT ON OPERATOR = (hcpcs, hcpcs) IS 'equal';
CREATE OPERATOR <> (
	LEFTARG = hcpcs, RIGHTARG = hcpcs, FUNCTION = hcpcs_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (hcpcs, hcpcs) IS 'not equal';
CREATE OPERATOR < (
	LEFTARG = hcpcs, RIGHTARG = hcpcs, FUNCTION = hcpcs_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (hcpcs, hcpcs) IS 'sorts before';
CREATE OPERATOR <= (
	LEFTARG = hcpcs, RIGHTARG = hcpcs, FUNCTION = hcpcs_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (hcpcs, hcpcs) IS 'sorts before or equal';
CREATE OPERATOR > (
	LEFTARG = hcpcs, RIGHTARG = hcpcs, FUNCTION = hcpcs_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (hcpcs, hcpcs) IS 'sorts after';
CREATE OPERATOR >= (
	LEFTARG = hcpcs, RIGHTARG = hcpcs, FUNCTION = hcpcs_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (hcpcs, hcpcs) IS 'sorts after or equal';

CREATE OPERATOR CLASS hcpcs_ops DEFAULT FOR TYPE hcpcs USING btree AS
	OPERATOR 1 <,
	OPERATOR 2 <=,
	OPERATOR 3 =,
	OPERATOR 4 >=,
	OPERATOR 5 >,
	FUNCTION 1 hcpcs_cmp(hcpcs, hcpcs),
	FUNCTION 2 hcpcs_sortsupport(internal),
	FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS hcpcs_ops USING btree IS 'default btree operator class for hcpcs (natural code order, deduplication)';
COMMENT ON OPERATOR FAMILY hcpcs_ops USING btree IS 'btree operators for hcpcs';

CREATE OPERATOR CLASS hcpcs_ops DEFAULT FOR TYPE hcpcs USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 hcpcs_hash(hcpcs),
	FUNCTION 2 hcpcs_hash_extended(hcpcs, bigint);
COMMENT ON OPERATOR CLASS hcpcs_ops USING hash IS 'default hash operator class for hcpcs (hash joins, hash indexes, hash partitioning)';
COMMENT ON OPERATOR FAMILY hcpcs_ops USING hash IS 'hash operators for hcpcs';

CREATE AGGREGATE min(hcpcs) (
	SFUNC = hcpcs_smaller, STYPE = hcpcs, COMBINEFUNC = hcpcs_smaller,
	SORTOP = <, PARALLEL = SAFE
);
COMMENT ON AGGREGATE min(hcpcs) IS 'smallest hcpcs in the group';
CREATE AGGREGATE max(hcpcs) (
	SFUNC = hcpcs_larger, STYPE = hcpcs, COMBINEFUNC = hcpcs_larger,
	SORTOP = >, PARALLEL = SAFE
);
COMMENT ON AGGREGATE max(hcpcs) IS 'largest hcpcs in the group';

COMMENT ON TYPE hcpcs IS 'HCPCS procedure code: CPT Category I, II, III, PLA, MAAA or HCPCS Level II';

CREATE FUNCTION hcpcs_kind(hcpcs) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hcpcs_kind(hcpcs) IS 'cpt_category_i, cpt_category_ii, cpt_category_iii, cpt_pla, cpt_maaa or hcpcs_level_ii';

-- The ndc type: I/O functions, casts, predicate, operators, operator
-- classes and min/max (generated from src/code_type.sql.in).  A ndc is a
-- 64-bit integer passed by value whose integer order is the code's natural
-- order, so the server's int8 functions compare and hash it.

CREATE TYPE ndc;

CREATE FUNCTION ndc_in(cstring) RETURNS ndc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ndc_in(cstring) IS 'I/O: text input of ndc';
CREATE FUNCTION ndc_out(ndc) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ndc_out(ndc) IS 'I/O: text output of ndc';
CREATE FUNCTION ndc_recv(internal) RETURNS ndc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ndc_recv(internal) IS 'I/O: binary input of ndc, as strict as text input';
CREATE FUNCTION ndc_send(ndc) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ndc_send(ndc) IS 'I/O: binary output of ndc';

CREATE TYPE ndc (
	INPUT = ndc_in, OUTPUT = ndc_out,
	RECEIVE = ndc_recv, SEND = ndc_send,
	LIKE = pg_catalog.int8
);

CREATE FUNCTION ndc(text) RETURNS ndc
	AS 'MODULE_PATHNAME', 'ndc_from_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ndc(text) IS 'parses text as ndc; raises 22P02 with the reason when it is not one';

CREATE FUNCTION text(ndc) RETURNS text
	AS 'MODULE_PATHNAME', 'ndc_to_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION text(ndc) IS 'canonical text form of the ndc';

CREATE CAST (text AS ndc) WITH FUNCTION ndc(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS ndc) IS 'validates and normalizes the text';
CREATE CAST (ndc AS text) WITH FUNCTION text(ndc) AS ASSIGNMENT;
COMMENT ON CAST (ndc AS text) IS 'canonical text form';

CREATE FUNCTION is_valid_ndc(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'is_valid_ndc'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_valid_ndc(text) IS 'true when the text is a valid ndc (the same check as the type input); never raises';

CREATE FUNCTION ndc_eq(ndc, ndc) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8eq';
COMMENT ON FUNCTION ndc_eq(ndc, ndc) IS 'implementation of = for ndc';
CREATE FUNCTION ndc_ne(ndc, ndc) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ne';
COMMENT ON FUNCTION ndc_ne(ndc, ndc) IS 'implementation of <> for ndc';
CREATE FUNCTION ndc_lt(ndc, ndc) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8lt';
COMMENT ON FUNCTION ndc_lt(ndc, ndc) IS 'implementation of < for ndc';
CREATE FUNCTION ndc_le(ndc, ndc) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8le';
COMMENT ON FUNCTION ndc_le(ndc, ndc) IS 'implementation of <= for ndc';
CREATE FUNCTION ndc_gt(ndc, ndc) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8gt';
COMMENT ON FUNCTION ndc_gt(ndc, ndc) IS 'implementation of > for ndc';
CREATE FUNCTION ndc_ge(ndc, ndc) RETURNS boolean
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'int8ge';
COMMENT ON FUNCTION ndc_ge(ndc, ndc) IS 'implementation of >= for ndc';
CREATE FUNCTION ndc_cmp(ndc, ndc) RETURNS integer
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'btint8cmp';
COMMENT ON FUNCTION ndc_cmp(ndc, ndc) IS 'btree comparison for ndc: -1, 0 or 1';
CREATE FUNCTION ndc_sortsupport(internal) RETURNS void
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint8sortsupport';
COMMENT ON FUNCTION ndc_sortsupport(internal) IS 'btree sort support for ndc';
CREATE FUNCTION ndc_hash(ndc) RETURNS integer
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8';
COMMENT ON FUNCTION ndc_hash(ndc) IS 'hash of a ndc';
CREATE FUNCTION ndc_hash_extended(ndc, bigint) RETURNS bigint
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'hashint8extended';
COMMENT ON FUNCTION ndc_hash_extended(ndc, bigint) IS 'seeded 64-bit hash of a ndc (hash partitioning)';
CREATE FUNCTION ndc_smaller(ndc, ndc) RETURNS ndc
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int8smaller';
COMMENT ON FUNCTION ndc_smaller(ndc, ndc) IS 'the smaller of two ndc values';
CREATE FUNCTION ndc_larger(ndc, ndc) RETURNS ndc
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int8larger';
COMMENT ON FUNCTION ndc_larger(ndc, ndc) IS 'the larger of two ndc values';

CREATE OPERATOR = (
	LEFTARG = ndc, RIGHTARG = ndc, FUNCTION = ndc_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	MERGES, HASHES
);
COMMENT ON OPERATOR = (ndc, ndc) IS 'equal';
CREATE OPERATOR <> (
	LEFTARG = ndc, RIGHTARG = ndc, FUNCTION = ndc_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (ndc, ndc) IS 'not equal';
CREATE OPERATOR < (
	LEFTARG = ndc, RIGHTARG = ndc, FUNCTION = ndc_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (ndc, ndc) IS 'sorts before';
CREATE OPERATOR <= (
	LEFTARG = ndc, RIGHTARG = ndc, FUNCTION = ndc_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (ndc, ndc) IS 'sorts before or equal';
CREATE OPERATOR > (
	LEFTARG = ndc, RIGHTARG = ndc, FUNCTION = ndc_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (ndc, ndc) IS 'sorts after';
CREATE OPERATOR >= (
	LEFTARG = ndc, RIGHTARG = ndc, FUNCTION = ndc_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (ndc, ndc) IS 'sorts after or equal';

CREATE OPERATOR CLASS ndc_ops DEFAULT FOR TYPE ndc USING btree AS
	OPERATOR 1 <,
	OPERATOR 2 <=,
	OPERATOR 3 =,
	OPERATOR 4 >=,
	OPERATOR 5 >,
	FUNCTION 1 ndc_cmp(ndc, ndc),
	FUNCTION 2 ndc_sortsupport(internal),
	FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS ndc_ops USING btree IS 'default btree operator class for ndc (natural code order, deduplication)';
COMMENT ON OPERATOR FAMILY ndc_ops USING btree IS 'btree operators for ndc';

CREATE OPERATOR CLASS ndc_ops DEFAULT FOR TYPE ndc USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 ndc_hash(ndc),
	FUNCTION 2 ndc_hash_extended(ndc, bigint);
COMMENT ON OPERATOR CLASS ndc_ops USING hash IS 'default hash operator class for ndc (hash joins, hash indexes, hash partitioning)';
COMMENT ON OPERATOR FAMILY ndc_ops USING hash IS 'hash operators for ndc';

CREATE AGGREGATE min(ndc) (
	SFUNC = ndc_smaller, STYPE = ndc, COMBINEFUNC = ndc_smaller,
	SORTOP = <, PARALLEL = SAFE
);
COMMENT ON AGGREGATE min(ndc) IS 'smallest ndc in the group';
CREATE AGGREGATE max(ndc) (
	SFUNC = ndc_larger, STYPE = ndc, COMBINEFUNC = ndc_larger,
	SORTOP = >, PARALLEL = SAFE
);
COMMENT ON AGGREGATE max(ndc) IS 'largest ndc in the group';

COMMENT ON TYPE ndc IS 'National Drug Code in the 11-digit 5-4-2 HIPAA form';

CREATE FUNCTION ndc_hyphenated(ndc) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ndc_hyphenated(ndc) IS 'the 11-digit NDC with hyphens, 5-4-2: 00002-7597-01';
