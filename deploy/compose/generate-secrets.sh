#!/usr/bin/env bash
# Writes the random secrets compose.yaml reads (docker compose `secrets:`) into deploy/compose/secrets/,
# which git ignores. Run once before the first `docker compose up`; it keeps files that already exist,
# because PostgreSQL takes the database passwords only when it initialises its volume (to change one
# later: ALTER ROLE ... PASSWORD in PostgreSQL as well, or `docker compose down -v` and start afresh).
#
# The directory is readable by you only; the files inside are world-readable on purpose: compose
# bind-mounts each file into /run/secrets/ of containers that run as other users (postgres, keycloak,
# uid 185 for the services), and `docker compose` ignores a file secret's uid/gid/mode.
set -euo pipefail
cd "$(dirname "$0")/secrets"
chmod 700 .

random() { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 40 || true; }

write() { # name value
    if [[ ! -s "$1" ]]; then
        (umask 022 && printf '%s' "$2" >"$1")
        echo "created secrets/$1"
    fi
}

write postgres-superuser-password "$(random)"
write keycloak-admin-password "$(random)"
write keycloak-db-password "$(random)"
for service in case-service visit-service referral-service notification-service; do
    write "$service-db-password" "$(random)"
    write "$service-client-secret" "$(random)"
    # The service reads this file through QUARKUS_CONFIG_LOCATIONS: the database password and the
    # secret of its Keycloak client (TSUNAGU_CLIENT_SECRET, which the service's settings refer to).
    if [[ ! -s "$service.properties" ]]; then
        (umask 022 && printf 'quarkus.datasource.password=%s\nTSUNAGU_CLIENT_SECRET=%s\n' \
            "$(cat "$service-db-password")" "$(cat "$service-client-secret")" >"$service.properties")
        echo "created secrets/$service.properties"
    fi
done
