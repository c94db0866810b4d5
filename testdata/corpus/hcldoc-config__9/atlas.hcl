data "template_dir" "app" {
  path = var.path
  vars = {
    Key1 = "value1"
    Key2 = "value2"
  }
}
