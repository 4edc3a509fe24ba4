# cleanclaim: PGXS build, plus the project's own targets:
#   make test    install what is missing, build, install, run every test on a throw-away cluster
#   make demo    the same, then load sample claims and print the results
#   make bench   the same, then run the benchmarks (figures and ratios)
#   make layers  check the shape of src/ (run by make test)
#   make installcheck   pg_regress against a server you already run

EXTENSION = cleanclaim
EXTVERSION = 0.2.0

MODULE_big = cleanclaim
# The C parts, by layer (docs/architecture.md): each folder uses only the
# folders above it in this list, and tools/layers checks it.
OBJS = src/base/srf.o src/x12/x12.o src/x12/x12_envelope.o src/x12/x12_values.o src/responses/x835.o src/responses/x835_rules.o src/responses/responses.o src/responses/x277.o src/responses/x999.o src/responses/x271.o \
	src/types/code_type.o src/types/npi.o src/types/icd10cm.o src/types/hcpcs.o src/types/ndc.o src/types/code_types.o \
	src/refdata/loading.o src/refdata/refdata.o src/refdata/refdata_tables.o \
	src/claim/claim.o src/claim/claim_jsonb.o src/claim/claim_fhir.o src/claim/fhir_doc.o src/claim/fhir_patient.o src/claim/claim_row.o src/claim/claim_argument.o src/claim/claim_837.o src/claim/x837_jsonb.o src/claim/x837_model.o src/claim/x837_locate.o src/claim/x837_elements.o src/claim/x837_loops.o \
	src/engine/catalog.o src/engine/settings.o src/engine/runner.o src/engine/facts.o \
	src/rules/rules_completeness.o src/rules/rules_billing.o src/rules/rules_eligibility.o src/rules/rules_frontend.o src/rules/rules_patient.o \
	src/rules/rules_diagnosis.o src/rules/rules_procedure.o src/rules/rules_institutional.o src/rules/rules_duplicates.o src/rules/audit_rules.o src/rules/groups.o \
	src/api/validate.o src/api/scrub.o src/api/audit.o src/api/outcome.o src/api/stats.o src/api/aggregates.o src/api/metric_functions.o src/api/x12_rows.o src/api/x12.o src/api/x12_ack.o src/api/x835.o src/api/x12_responses.o \
	src/cleanclaim.o
PG_CPPFLAGS += -Isrc

# The install script is assembled from src/: the header, the code types (one
# SQL template, src/types/code_type.sql.in, plus each type's own
# src/types/<type>.sql), then the parts, each in src/<folder>/<part>.sql.
# PARTS_<version> lists the parts a version added; the upgrade script from
# the version before is those parts.
CODE_TYPES = npi icd10cm hcpcs ndc
PARTS_0.2.0 = refdata/refdata refdata/loaders refdata/loaders_icd10cm refdata/loaders_hcpcs refdata/loaders_ncci \
	refdata/loaders_mce refdata/loaders_code_lists refdata/coverage refdata/loaders_coverage refdata/releases engine/rules api/validate api/scrub \
	api/denials api/denials_carc api/denials_root_cause api/denials_views api/ledger api/audit api/denials_model api/audit_queue \
	api/duplicates api/metrics api/x12 api/x835 api/x12_responses api/ledger_load api/eligibility api/underpayment
PARTS = $(PARTS_0.2.0)
SQL_SOURCES = src/cleanclaim.sql src/types/code_type.sql.in $(CODE_TYPES:%=src/types/%.sql) $(PARTS:%=src/%.sql)

# upgrade/ keeps the frozen install scripts of earlier versions (for the
# upgrade test) and hand-written upgrade scripts.
DATA_built = $(EXTENSION)--$(EXTVERSION).sql $(EXTENSION)--0.1.0--0.2.0.sql
DATA = $(wildcard upgrade/$(EXTENSION)--*.sql)
SCRIPTS = tools/cleanclaim-load

REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION)
ISOLATION = $(patsubst specs/%.spec,%,$(sort $(wildcard specs/*.spec)))
ISOLATION_OPTS = --load-extension=$(EXTENSION)

# -Wextra minus unused-parameter: every V1 function has fcinfo, used or not.
PG_CFLAGS += -Wextra -Wno-unused-parameter

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
# Until postgresql-server-dev is installed only test, demo, bench and deps work;
# they install it first and then run make again.
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
endif

# PGXS tracks no header dependencies: every object depends on every header.
$(OBJS): $(wildcard src/*/*.h)

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_SOURCES)
	{ cat src/cleanclaim.sql; \
	  for t in $(CODE_TYPES); do sed "s/@TYPE@/$$t/g" src/types/code_type.sql.in; cat src/types/$$t.sql; done; \
	  for p in $(PARTS); do cat src/$$p.sql; done; \
	} > $@

$(EXTENSION)--0.1.0--0.2.0.sql: $(PARTS_0.2.0:%=src/%.sql)
	{ printf '%s\n' '\echo Use "ALTER EXTENSION cleanclaim UPDATE TO '"'0.2.0'"'" to load this file. \quit'; \
	  for p in $(PARTS_0.2.0); do cat src/$$p.sql; done; \
	} > $@

.PHONY: deps test demo bench layers

deps:
	tools/ensure-deps

test: deps
	tools/build-install
	tools/layers
	tools/with-cluster test/run

# the shape of src/ (docs/architecture.md): no circle, no upward use, no file over 1,000 lines
layers: all
	tools/layers

demo: deps
	tools/build-install
	tools/with-cluster demo/run

bench: deps
	tools/build-install
	tools/with-cluster bench/run
