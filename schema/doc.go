// Package schema will hold the model every feature reads: Realm → Schema →
// Table, View, Function, Trigger, Policy, Enum, … with source ranges. It
// arrives with the decoding work (issue [B]); the package exists now so the
// layout and its import rule (nothing of ours but internal/source) hold
// from the start.
package schema
