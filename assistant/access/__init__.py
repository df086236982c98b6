"""Who may read what: groups and the search filter (policy), the users file (users) and the
audit log (audit)."""
