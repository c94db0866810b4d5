format {
  migrate {
    diff = "{{ sql . \"  \" }}"
  }
}
