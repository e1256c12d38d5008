#!/usr/bin/env bash
# One-shot, after Keycloak is healthy: gives the four service clients of the imported realm the random
# secrets of deploy/compose/secrets/ instead of the demo values in deploy/keycloak/realm-tsunagu.json.
# Idempotent: every `docker compose up` sets the same values again.
set -euo pipefail
kcadm=/opt/keycloak/bin/kcadm.sh
config=/tmp/kcadm.config
"$kcadm" config credentials --config "$config" --server http://keycloak:8080 --realm master \
    --user admin --password "$(</run/secrets/keycloak-admin-password)"
for client in case-service visit-service referral-service notification-service; do
    id=$("$kcadm" get clients --config "$config" -r tsunagu -q "clientId=$client" --fields id --format csv --noquotes)
    "$kcadm" update "clients/$id" --config "$config" -r tsunagu -s "secret=$(</run/secrets/$client-client-secret)"
    echo "secret of client $client set"
done
