variable "database_url" {
  type    = string
  default = getenv("DATABASE_URL")
}

data "remote_dir" "migrations" {
  // The slug of the migration directory in Atlas Cloud.
  // In this example, the directory is named "myapp".
  name = "myapp"
}

env {
  // Set environment name dynamically based on --env value.
  name = atlas.env
  url = var.database_url
  migration {
    dir = data.remote_dir.migrations.url
  }
}
