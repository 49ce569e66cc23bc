#!/usr/bin/env bash
# Group membership at scale: starts a gateway on a fresh local database, runs GroupMembershipBenchmark
# against it (127.0.0.1 only), prints p50/p99/p99.9 of a one-member add and remove PATCH per group size.
#   benchmarks/run-group-membership.sh [sizes...]      default: 1000 10000 100000
# Gateway pinned to CPU 1, load generator to CPU 0 (PostgreSQL is not pinned: it is a system service).
set -euo pipefail
cd "$(dirname "$0")/.."
admin_url=${SCIMGATE_BENCH_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
db=scimgate_bench
port=${SCIMGATE_BENCH_PORT:-18090}

psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
mvn -B -q -ntp -DskipTests install

export SCIMGATE_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db"
export SCIMGATE_SIGNING_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export SCIMGATE_HTTP_PORT=$port SCIMGATE_HTTP_HOST=127.0.0.1 SCIMGATE_HTTP_INSTANCES=1
mkdir -p benchmarks/target
taskset -c 1 java -jar gateway/app/target/scimgate.jar start > benchmarks/target/gateway.log 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 1
done

export SCIMGATE_URL="http://127.0.0.1:$port"
export SCIMGATE_ADMIN_TOKEN="$(java -jar gateway/app/target/scimgate.jar admin-token --subject benchmark)"
taskset -c 0 mvn -B -q -ntp -pl benchmarks exec:java -Dexec.args="$*" \
  -Dwarmup="${WARMUP:-300}" -Diterations="${ITERATIONS:-2000}"
