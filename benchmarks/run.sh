#!/usr/bin/env bash
# Starts a gateway on a fresh local database and runs one benchmark against it (127.0.0.1 only):
#   benchmarks/run.sh group-membership [sizes...]   PATCH add/remove one member; default 1000 10000 100000
#   benchmarks/run.sh user-lookups [users]          userName eq / externalId eq lookups; default 1000000
#   benchmarks/run.sh load <workload> [options]     IdP push workloads at fixed concurrency (see LoadGenerator)
# Gateway pinned to CPU 1, load generator to CPU 0 (PostgreSQL is not pinned: it is a system service).
set -euo pipefail
cd "$(dirname "$0")/.."
admin_url=${SCIMGATE_BENCH_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
db=scimgate_bench
port=${SCIMGATE_BENCH_PORT:-18090}
case "${1:-}" in
  group-membership) main=io.scimgate.benchmarks.GroupMembershipBenchmark ;;
  user-lookups) main=io.scimgate.benchmarks.UserLookupBenchmark ;;
  load) main=io.scimgate.benchmarks.load.LoadGenerator ;;
  *) echo "usage: benchmarks/run.sh group-membership|user-lookups|load [args...]" >&2; exit 2 ;;
esac
shift

psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
mvn -B -q -ntp -DskipTests install

export SCIMGATE_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db"
export SCIMGATE_SIGNING_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export SCIMGATE_HTTP_PORT=$port SCIMGATE_HTTP_HOST=127.0.0.1 SCIMGATE_HTTP_INSTANCES=${SCIMGATE_HTTP_INSTANCES:-1}
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
props=()
[ -n "${WARMUP:-}" ] && props+=("-Dwarmup=$WARMUP")
[ -n "${ITERATIONS:-}" ] && props+=("-Diterations=$ITERATIONS")
taskset -c 0 mvn -B -q -ntp -pl benchmarks exec:java -Dexec.mainClass="$main" -Dexec.args="$*" "${props[@]}"
