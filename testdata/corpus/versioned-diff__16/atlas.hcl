variable "destructive" {
  type    = bool
  default = false
}

env "local" {
  migration {
    dir = "file://migrations"
  }
  diff {
    skip {
      drop_schema = !var.destructive
      drop_table  = !var.destructive
    }
  }
}
