primary_key {
  columns = [column.id]
}
