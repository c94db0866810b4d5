env "local" {
    // ..
    migration {
        // URL where the migration directory resides.
        dir = "file://migrations"
    }
}
