#!/usr/bin/env bash
# Are the services' OpenAPI documents usable by a frontend team? For each service, its document as the
# build wrote it (<service>/target/openapi/openapi.json, after ./mvnw package or verify):
#   1. Spectral lints it with its OpenAPI ruleset (.spectral.yaml), failing on any warning;
#   2. openapi-typescript generates a TypeScript client of it (generated/<service>.ts);
#   3. tsc type-checks that client with usage/<service>.ts, code written against it as a frontend would.
# The tools are the exact versions of package-lock.json (npm ci; Node 20.17 or newer).
#   clients/check.sh                                 the four services
#   clients/check.sh visit-service referral-service  only these
set -euo pipefail
cd "$(dirname "$0")"

services=("$@")
if [ ${#services[@]} -eq 0 ]; then
  services=(case-service visit-service referral-service notification-service)
fi
for service in "${services[@]}"; do
  if [ ! -f "../$service/target/openapi/openapi.json" ]; then
    echo "clients: no ../$service/target/openapi/openapi.json: build it first (./mvnw -B package -DskipTests -pl $service -am)" >&2
    exit 2
  fi
  if [ ! -f "usage/$service.ts" ]; then
    echo "clients: no usage/$service.ts for $service" >&2
    exit 2
  fi
done

npm ci --silent
bin=node_modules/.bin
rm -rf generated
mkdir -p generated

check() {
  local service=$1 document="../$1/target/openapi/openapi.json"
  "$bin/spectral" lint --ruleset .spectral.yaml --fail-severity=warn --format=text "$document" || { echo; return 1; }
  echo
  "$bin/openapi-typescript" "$document" --output "generated/$service.ts" || return 1
  printf '{"extends": "../tsconfig.json", "files": ["%s.ts", "../usage/%s.ts"]}\n' "$service" "$service" \
    > "generated/tsconfig.$service.json"
  "$bin/tsc" --project "generated/tsconfig.$service.json"
}

passed=0
failed=()
for service in "${services[@]}"; do
  echo "== $service"
  if check "$service"; then
    echo "$service: its document lints clean and its TypeScript client type-checks"
    passed=$((passed + 1))
  else
    failed+=("$service")
  fi
done

echo "clients: $passed passed, ${#failed[@]} failed"
if [ ${#failed[@]} -gt 0 ]; then
  echo "clients: failed: ${failed[*]}" >&2
  exit 1
fi
