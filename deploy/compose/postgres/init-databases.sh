#!/usr/bin/env bash
# Run once by the postgres image when it initialises an empty volume (/docker-entrypoint-initdb.d):
# one database per service, each owned by its own role with its own password (from compose secrets).
# Nobody else may connect to a service's database.
set -euo pipefail

create() { # role database secret-file
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        --set=role="$1" --set=db="$2" --set=password="$(<"/run/secrets/$3")" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"role" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

create case_service cases case-service-db-password
create visit_service visits visit-service-db-password
create referral_service referrals referral-service-db-password
create notification_service notifications notification-service-db-password
create keycloak keycloak keycloak-db-password
