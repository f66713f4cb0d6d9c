"""Where meetings live: the SQLite file, its schema and migrations, leases, export and import."""
