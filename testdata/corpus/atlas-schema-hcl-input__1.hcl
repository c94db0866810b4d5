variable "comment" {
  type    = string // | int | bool | list(string) | etc.
  default = "default value"
}
