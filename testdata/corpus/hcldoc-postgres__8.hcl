policy "policy_name" {
  on    = table.users
  for   = UPDATE
  to    = [PUBLIC]
  check = "(name = ( SELECT name FROM allowed_names))"
}
