// Package sqlsupport will find SQL inside HCL heredocs, strings, .sql files
// and txtar sections, parse it with pg_query (v6), map errors back to host
// positions and load DDL into the model (issue [C]).
package sqlsupport
