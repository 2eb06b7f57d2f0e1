-- Settings the host itself keeps, such as the admin token's hash.
CREATE TABLE host_settings (
    key TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
