table "posts" {
  column "title" {
    type = varchar(200) null = false
  }
}
