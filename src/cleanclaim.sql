-- cleanclaim install script, assembled by the Makefile from src/*.sql.
\echo Use "CREATE EXTENSION cleanclaim" to load this file. \quit
