// Package sqlsupport understands the SQL of a schema project: SQL held by
// HCL attributes (regions: view bodies, function bodies, checks,
// predicates, sql("…") expressions), .sql files and txtar sections. It
// splits SQL into statements, parses each with pg_query (PostgreSQL 17's
// own grammar, pg_query_go v6), maps errors back to byte offsets of the
// host file, checks PL/pgSQL bodies with the PL/pgSQL parser, and loads DDL
// into the model.
package sqlsupport
