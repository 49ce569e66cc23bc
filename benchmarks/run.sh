#!/usr/bin/env bash
# Runs one benchmark (127.0.0.1 only):
#   benchmarks/run.sh group-membership [sizes...]   PATCH add/remove one member; default 1000 10000 100000
#   benchmarks/run.sh user-lookups [users]          userName eq / externalId eq lookups; default 1000000
#   benchmarks/run.sh load <workload> [options]     IdP push workloads at fixed concurrency (see LoadGenerator)
#   benchmarks/run.sh ceiling <workload> [options]  the same load against the minimal one-statement server
#   benchmarks/run.sh scale <workload> [sizes...]   the load at growing sizes (users, or group members)
#   benchmarks/run.sh invite-lag [rate secs warmup groups]  SCIM write -> invitation accepted by SMTP, p50/p99
#   benchmarks/run.sh jmh [jmh args]                JMH micro-benchmarks -> benchmarks/target/reports/jmh.json
#   benchmarks/run.sh report                        benchmarks/target/reports/*.json -> .../reports/index.html
# The first five start a server on a fresh local database: the server is pinned to CPU 1, the load generator to
# CPU 0 (PostgreSQL is not pinned: it is a system service). jmh and report need neither database nor server;
# jmh runs pinned to CPU 0, its forks inherit that.
set -euo pipefail
cd "$(dirname "$0")/.."
admin_url=${SCIMGATE_BENCH_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
db=scimgate_bench
port=${SCIMGATE_BENCH_PORT:-18090}
mode=${1:-}
case "$mode" in
  group-membership) main=io.scimgate.benchmarks.GroupMembershipBenchmark ;;
  user-lookups) main=io.scimgate.benchmarks.UserLookupBenchmark ;;
  load|ceiling) main=io.scimgate.benchmarks.load.LoadGenerator ;;
  invite-lag) main=io.scimgate.benchmarks.invites.InviteLagBenchmark ;;
  jmh|report|scale) ;;
  *) echo "usage: benchmarks/run.sh group-membership|user-lookups|load|ceiling|scale|invite-lag|jmh|report [args...]" >&2
     exit 2 ;;
esac
shift
reports=benchmarks/target/reports

# scale <workload> [sizes...]: one load run per size, each labelled <workload>@<size> for the report's curves
if [ "$mode" = scale ]; then
  workload=${1:?usage: benchmarks/run.sh scale <workload> [sizes...]}
  shift
  if [ "$#" -gt 0 ]; then sizes=("$@")
  elif [ "$workload" = group-storm ]; then sizes=(1000 10000 100000)
  else sizes=(10000 100000 1000000); fi
  for size in "${sizes[@]}"; do
    if [ "$workload" = group-storm ]; then extra=(--groups 1 --group-members "$size" --users "$size")
    else extra=(--users "$size" --groups 1 --group-members 100); fi
    SCIMGATE_BENCH_LABEL="$workload@$size" "$0" load "$workload" "${extra[@]}" \
      --concurrency "${CONCURRENCY:-64}" --seconds "${SECONDS_MEASURED:-15}" --warmup "${WARMUP_SECONDS:-15}"
  done
  exit 0
fi

# jmh and report: build the benchmarks module and the modules it uses in one reactor, without installing them;
# dependency:build-classpath then names the reactor's own jars in their target/ folders.
if [ "$mode" = jmh ] || [ "$mode" = report ]; then
  mvn -B -q -ntp -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt
  classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
  mkdir -p "$reports"
  if [ "$mode" = report ]; then
    exec java -cp "$classpath" io.scimgate.benchmarks.report.HtmlReport "$reports"
  fi
  # A short run by default (about four minutes on two cores: 20 benchmarks of 10 s each, plus their forks). An
  # option given on the command line replaces the default of the same name; everything else (e.g. a benchmark
  # regex such as FilterBenchmark) is passed on.
  defaults=(-f 1 -wi 2 -w 2s -i 3 -r 2s -rf json -rff "$reports/jmh.json")
  jmh=()
  for ((i = 0; i < ${#defaults[@]}; i += 2)); do
    [[ " $* " == *" ${defaults[i]} "* ]] || jmh+=("${defaults[i]}" "${defaults[i + 1]}")
  done
  exec taskset -c 0 java -cp "$classpath" org.openjdk.jmh.Main "${jmh[@]}" "$@"
fi

psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
mvn -B -q -ntp -DskipTests install
mvn -B -q -ntp -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

export SCIMGATE_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db"
export SCIMGATE_SIGNING_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export SCIMGATE_HTTP_PORT=$port SCIMGATE_HTTP_HOST=127.0.0.1 SCIMGATE_HTTP_INSTANCES=${SCIMGATE_HTTP_INSTANCES:-1}
mkdir -p benchmarks/target
args=("$@")
if [ "$mode" = invite-lag ]; then
  # the benchmark's own SMTP sink receives the invitation mails
  export SCIMGATE_SMTP_HOST=127.0.0.1 SCIMGATE_SMTP_PORT=${SCIMGATE_BENCH_SMTP_PORT:-18025}
  export SCIMGATE_SMTP_STARTTLS=DISABLED SCIMGATE_INVITES_POLL_MS=1000
  args=("${1:-300}" "${2:-20}" "${3:-5}" "$SCIMGATE_SMTP_PORT" "${4:-1}")
fi
# load --nodes N: N gateway nodes on the one database (the load spreads over them), all on CPU 1
nodes=${SCIMGATE_BENCH_NODES:-1}
if [ "$mode" = load ]; then
  filtered=()
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[i]}" = --nodes ]; then nodes=${args[i + 1]}; i=$((i + 1)); else filtered+=("${args[i]}"); fi
  done
  args=("${filtered[@]}")
fi
if [ "$mode" = ceiling ]; then
  java -jar gateway/app/target/scimgate.jar migrate
  taskset -c 1 java -cp "$classpath" io.scimgate.benchmarks.ceiling.CeilingServer "$port" \
    > benchmarks/target/server.log 2>&1 &
  args+=(--ceiling "$port")
else
  taskset -c 1 java -jar gateway/app/target/scimgate.jar start > benchmarks/target/server.log 2>&1 &
fi
server=$!
others=()
trap 'kill $server "${others[@]}" 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  if [ "$mode" = ceiling ]; then grep -q listening benchmarks/target/server.log && break
  else curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; fi
  sleep 1
done
urls="http://127.0.0.1:$port"
for ((n = 1; n < nodes; n++)); do
  SCIMGATE_HTTP_PORT=$((port + n)) taskset -c 1 java -jar gateway/app/target/scimgate.jar start \
    > "benchmarks/target/server-$n.log" 2>&1 &
  others+=($!)
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$((port + n))/health/ready" >/dev/null && break; sleep 1; done
  urls="$urls,http://127.0.0.1:$((port + n))"
done
export SCIMGATE_URLS="$urls"

export SCIMGATE_URL="http://127.0.0.1:$port"
export SCIMGATE_ADMIN_TOKEN="$(java -jar gateway/app/target/scimgate.jar admin-token --subject benchmark)"
props=()
[ -n "${WARMUP:-}" ] && props+=("-Dwarmup=$WARMUP")
[ -n "${ITERATIONS:-}" ] && props+=("-Diterations=$ITERATIONS")
taskset -c 0 java "${props[@]}" -cp "$classpath" "$main" "${args[@]}"
# the server's peak resident memory over the whole run (target: under 512 MB)
grep VmHWM "/proc/$server/status" | awk '{printf "server peak RSS: %d MB\n", $2 / 1024}' || true
for other in "${others[@]}"; do
  grep VmHWM "/proc/$other/status" | awk '{printf "other node peak RSS: %d MB\n", $2 / 1024}' || true
done
