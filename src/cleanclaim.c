/*
 * cleanclaim.c
 *	  Module entry point of the cleanclaim extension.
 *
 * Each part of the extension lives in a file named after it: code_type.c and
 * the four code types (npi.c, icd10cm.c, hcpcs.c, ndc.c).
 */
#include "postgres.h"

#include "fmgr.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "cleanclaim",.version = "0.1.0");
#else
PG_MODULE_MAGIC;
#endif
