/*
 * fhir.h
 *	  Inside src/claim: what the FHIR reader's two files share.  fhir_doc.c
 *	  navigates the jsonb of a FHIR R4 Claim or Bundle (elements, codings,
 *	  identifiers) and resolves References to the resources they name;
 *	  claim_fhir.c maps the Claim onto the claim contract with them.
 */
#ifndef CLEANCLAIM_FHIR_H
#define CLEANCLAIM_FHIR_H

#include "postgres.h"

#include "utils/jsonb.h"

#include "claim/claim.h"

#define NPI_SYSTEM "http://hl7.org/fhir/sid/us-npi"
#define NDC_SYSTEM "http://hl7.org/fhir/sid/ndc"
#define DATA_ABSENT_SYSTEM "http://terminology.hl7.org/CodeSystem/data-absent-reason"
#define TAX_ID_SYSTEM "urn:oid:2.16.840.1.113883.4.4"
#define SSN_SYSTEM "urn:oid:2.16.840.1.113883.4.1"

/*
 * A resource, and the resource whose contained[] its local references
 * ("#id") point into: the Claim for the Claim and what it contains, a Bundle
 * entry's resource for that entry and what it contains.
 */
typedef struct FhirRes
{
	JsonbContainer *res;
	JsonbContainer *host;
} FhirRes;
typedef struct BundleEntry
{
	ClaimStr	full_url;		/* empty when the entry has none */
	ClaimStr	type;			/* resource.resourceType */
	ClaimStr	id;				/* resource.id */
	JsonbContainer *resource;
} BundleEntry;
typedef struct FhirDoc
{
	JsonbContainer *claim;
	JsonbContainer *bundle_entries; /* Bundle.entry, or NULL for a Claim alone */
	BundleEntry *entries;		/* the entries that hold a resource, indexed on first use */
	int			nentries;
	bool		indexed;
	FhirRes		at_claim;		/* where the Claim's own references are resolved */
} FhirDoc;

typedef bool (*IdentifierTest) (JsonbContainer *identifier);

extern bool fhir_get_value(JsonbContainer *object, const char *key, JsonbValue *out);
extern JsonbContainer *fhir_get_container(JsonbContainer *object, const char *key);
extern int fhir_array_size(JsonbContainer *array);
extern JsonbContainer *fhir_array_object(JsonbContainer *array, int i);
extern int fhir_list_size(JsonbContainer *list);
extern JsonbContainer *fhir_list_item(JsonbContainer *list, int i);
extern bool fhir_get_string(JsonbContainer *object, const char *key, ClaimStr *out);
extern bool fhir_str_eq(ClaimStr a, ClaimStr b);
extern bool fhir_str_ieq(ClaimStr s, const char *literal);
extern bool fhir_all_digits(ClaimStr s, int len);
extern bool fhir_json_int(const JsonbValue *v, int *out);
extern ClaimStr fhir_json_text(const JsonbValue *v);
extern void fhir_set_from_value(Claim *claim, ClaimFieldId id, JsonbContainer *object, const char *key);
extern void fhir_set_from_str(Claim *claim, ClaimFieldId id, ClaimStr s);
extern void fhir_set_missing(Claim *claim, ClaimFieldId id);
extern void fhir_set_line_from_str(Claim *claim, ClaimLine *line, LineFieldId id, ClaimStr s);
extern bool fhir_concept_code_where(JsonbContainer *concept, const char *system, bool prefix, ClaimStr *code);
extern bool fhir_concept_code(JsonbContainer *concept, const char *system, ClaimStr *code);
extern bool fhir_procedure_code(JsonbContainer *concept, ClaimStr *code);
extern bool fhir_concept_has_code(JsonbContainer *concepts, const char *code, bool ignore_case);
extern JsonbContainer *fhir_first_element_coded(JsonbContainer *list, const char *key, const char *code);
extern bool fhir_concepts_code(JsonbContainer *concepts, const char *system, ClaimStr *code);
extern void fhir_report_unknown_elements(Claim *claim, JsonbContainer *object, const char *const *known, int nknown, int line_no, const char *prefix);
extern bool fhir_conditional_identifier(ClaimStr r, ClaimStr *type, ClaimStr *system, ClaimStr *value);
extern bool fhir_of_type(JsonbContainer *res, const char *const *types);
extern bool fhir_resolve(FhirDoc *doc, const FhirRes *from, JsonbContainer *ref, const char *const *types, FhirRes *out);
extern bool fhir_reference_logical_id(const FhirRes *resolved, JsonbContainer *ref, ClaimStr *out);
extern bool fhir_identifier_is_npi(JsonbContainer *ident);
extern bool fhir_identifier_is_tax_id(JsonbContainer *ident);
extern bool fhir_identifier_is_ssn(JsonbContainer *ident);
extern bool fhir_identifier_is_member_id(JsonbContainer *ident);
extern bool fhir_identifier_is_payer_id(JsonbContainer *ident);
extern bool fhir_any_identifier(JsonbContainer *ident);
extern bool fhir_identifier_value(JsonbContainer *ids, IdentifierTest test, ClaimStr *out);
extern bool fhir_resource_identifier(JsonbContainer *res, IdentifierTest test, ClaimStr *out);

/* The patient and the insurance (fhir_patient.c). */
extern bool fhir_read_patient(Claim *claim, FhirDoc *doc, FhirRes *patient);
extern void fhir_read_insurance(Claim *claim, FhirDoc *doc, const FhirRes *patient);

#endif							/* CLEANCLAIM_FHIR_H */
