#!/usr/bin/env bash
# Runs one benchmark (127.0.0.1 only):
#   benchmarks/run.sh group-membership [sizes...]   PATCH add/remove one member; default 1000 10000 100000
#   benchmarks/run.sh user-lookups [users]          userName eq / externalId eq lookups; default 1000000
#   benchmarks/run.sh big-group [members]           GET /Groups/{id} of one group: time and the gateway's peak
#                                                   RSS; default 100000 (SCIMGATE_GROUP_MEMBERS_PER_FETCH=0: unstreamed)
#   benchmarks/run.sh load <workload> [options]     IdP push workloads at fixed concurrency (see LoadGenerator)
#   benchmarks/run.sh ceiling <workload> [options]  the same load against the minimal one-statement server
#   benchmarks/run.sh pgbench <workload> [options]  the ceiling's statements run by pgbench: no HTTP, no Java
#   benchmarks/run.sh scale <workload> [sizes...]   the load at growing sizes (users, or group members)
#   benchmarks/run.sh invite-lag [rate secs warmup groups]  SCIM write -> invitation accepted by SMTP, p50/p99
#   benchmarks/run.sh noisy-neighbour [clients secs] one tenant floods: another tenant's latency, budgets on or off
#   benchmarks/run.sh jmh [jmh args]                JMH micro-benchmarks -> benchmarks/target/reports/jmh.json
#   benchmarks/run.sh report                        benchmarks/target/reports/*.json -> .../reports/index.html
#   benchmarks/run.sh pgbench <workload> [options] the same statements as the ceiling, as pgbench scripts
#   benchmarks/run.sh full                          everything above that the report shows, several runs each
# Seeding and load runs print a progress line every 2 s when stdout is a terminal (SCIMGATE_BENCH_PROGRESS=1 forces
# it, =0 silences it); CI logs stay quiet. scale and full say which step of how many runs, full with an estimate of
# the time left.
# The modes that start a server use a fresh local database: the server and PostgreSQL are pinned to CPU 1, the
# load generator to CPU 0 (PostgreSQL's affinity is restored on exit; SCIMGATE_BENCH_PIN_POSTGRES=0 leaves it
# alone). pgbench uses a fresh database and no server: PostgreSQL on CPU 1, pgbench on CPU 0. PROFILE=1 profiles
# the gateway's CPU (async-profiler) in the measured window of a load run and summarizes where the time went. jmh and report need neither
# database nor server; jmh runs pinned to CPU 0, its forks inherit that.
# SCIMGATE_BENCH_DB names another database than scimgate_bench (e.g. so as not to drop one that a run is using).
set -euo pipefail
cd "$(dirname "$0")/.."
admin_url=${SCIMGATE_BENCH_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
db=${SCIMGATE_BENCH_DB:-scimgate_bench}
port=${SCIMGATE_BENCH_PORT:-18090}
mode=${1:-}
case "$mode" in
  group-membership) main=io.scimgate.benchmarks.GroupMembershipBenchmark ;;
  user-lookups) main=io.scimgate.benchmarks.UserLookupBenchmark ;;
  big-group) main=io.scimgate.benchmarks.BigGroupBenchmark ;;
  load|ceiling) main=io.scimgate.benchmarks.load.LoadGenerator ;;
  pgbench) main=io.scimgate.benchmarks.pgbench.PgbenchReference ;;
  invite-lag) main=io.scimgate.benchmarks.invites.InviteLagBenchmark ;;
  noisy-neighbour) main=io.scimgate.benchmarks.faults.NoisyNeighbourBenchmark ;;
  jmh|report|scale|full) ;;
  *) echo "usage: benchmarks/run.sh group-membership|user-lookups|big-group|load|ceiling|pgbench|scale|invite-lag|noisy-neighbour|jmh|report|full" \
       "[args...]" >&2
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
  for i in "${!sizes[@]}"; do
    size=${sizes[i]}
    echo "== scale step $((i + 1)) of ${#sizes[@]}: $workload at $size" >&2
    if [ "$workload" = group-storm ]; then extra=(--groups 1 --group-members "$size" --users "$size")
    else extra=(--users "$size" --groups 1 --group-members 100); fi
    SCIMGATE_BENCH_LABEL="$workload@$size" "$0" load "$workload" "${extra[@]}" \
      --concurrency "${CONCURRENCY:-64}" --seconds "${SECONDS_MEASURED:-15}" --warmup "${WARMUP_SECONDS:-45}"
  done
  exit 0
fi

# full: every run the report shows, RUNS times each, then the report (about an hour with the defaults)
if [ "$mode" = full ]; then
  exec benchmarks/full-report.sh "$@"
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
export SCIMGATE_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db"
# `full` builds once and runs this script many times with SCIMGATE_BENCH_SKIP_BUILD=1
if [ "${SCIMGATE_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp -DskipTests install
  mvn -B -q -ntp -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

export SCIMGATE_SIGNING_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export SCIMGATE_HTTP_PORT=$port SCIMGATE_HTTP_HOST=127.0.0.1 SCIMGATE_HTTP_INSTANCES=${SCIMGATE_HTTP_INSTANCES:-1}
# the load runs measure throughput, not the request budgets: both off unless the caller sets them
export SCIMGATE_RATE_LIMIT_CONNECTION_RPS=${SCIMGATE_RATE_LIMIT_CONNECTION_RPS:-0} SCIMGATE_RATE_LIMIT_TENANT_RPS=${SCIMGATE_RATE_LIMIT_TENANT_RPS:-0}
mkdir -p benchmarks/target
# what every run's JSON records besides the code (see load/BenchEnvironment)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- 2>/dev/null || commit="$commit-dirty"
export SCIMGATE_BENCH_COMMIT=$commit
# PostgreSQL as production runs it: autovacuum on. Some machines turn it off (this project's CI configuration
# does); without it the statistics and the dead rows of the tables a run fills are never dealt with, and the
# relay's personnel statements slowed to a quarter (measured: a backlog of 10,000 Entra updates relayed in 50 s
# instead of 14). A run that finds it off turns it on (ALTER SYSTEM) and puts it back on exit;
# SCIMGATE_BENCH_AUTOVACUUM=leave measures the server as configured.
autovacuum_turned_on=0
enable_autovacuum() {
  [ "${SCIMGATE_BENCH_AUTOVACUUM:-on}" = on ] || return 0
  [ "$(psql -At "$admin_url" -c 'SHOW autovacuum')" = off ] || return 0
  psql -q "$admin_url" -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null
  autovacuum_turned_on=1
  sleep 0.5 # the reload is asynchronous: let the postmaster read it before the run's connections start
}
restore_autovacuum() {
  [ "$autovacuum_turned_on" = 1 ] || return 0
  psql -q "$admin_url" -c "ALTER SYSTEM RESET autovacuum" -c "SELECT pg_reload_conf()" >/dev/null || true
}
enable_autovacuum
export SCIMGATE_BENCH_POSTGRES="$(psql -At "$SCIMGATE_DATABASE_URL" -c "SELECT 'PostgreSQL ' ||
  current_setting('server_version') || ', synchronous_commit=' || current_setting('synchronous_commit') ||
  ', autovacuum=' || current_setting('autovacuum')")"


# PostgreSQL shares CPU 1 with the server under test, as the issue's CPU split asks: new backends inherit the
# postmaster's affinity. The original mask is put back on exit, whatever happens.
postgres_mask=""
pin_postgres() {
  local postmaster
  postmaster=$(pgrep -o -x postgres || true)
  if [ "${SCIMGATE_BENCH_PIN_POSTGRES:-1}" = 1 ] && [ -n "$postmaster" ]; then
    postgres_mask=$(taskset -p "$postmaster" 2>/dev/null | awk '{print $NF}')
    for pid in $(pgrep -x postgres); do taskset -a -p -c 1 "$pid" >/dev/null 2>&1 || true; done
  fi
  if [ -n "$postgres_mask" ] && [ "$(taskset -p "$postmaster" | awk '{print $NF}')" = 2 ]; then
    export SCIMGATE_BENCH_PINNING="server and PostgreSQL on CPU 1, load generator (or pgbench) on CPU 0"
  else
    postgres_mask=""
    export SCIMGATE_BENCH_PINNING="server on CPU 1, load generator on CPU 0, PostgreSQL unpinned"
  fi
}
unpin_postgres() {
  [ -z "$postgres_mask" ] && return 0
  for pid in $(pgrep -x postgres); do taskset -a -p "$postgres_mask" "$pid" >/dev/null 2>&1 || true; done
}
pin_postgres
trap 'unpin_postgres; restore_autovacuum' EXIT

# pgbench <workload> [options]: no server. The Java main seeds, writes the scripts and starts pgbench pinned to
# CPU 0 itself; it is not pinned, since it only waits while pgbench runs.
if [ "$mode" = pgbench ]; then
  java -jar gateway/app/target/scimgate.jar migrate
  java -cp "$classpath" "$main" "$@"
  exit 0
fi

# PROFILE=1: async-profiler (from Maven Central, a benchmarks dependency) is attached to the gateway for exactly
# the measured window by the load generator's window hook, sampling every millisecond of CPU time
profile_dir=benchmarks/target/profiles
if [ "${PROFILE:-0}" = 1 ]; then
  mkdir -p "$profile_dir"
  profiler_jar=$(tr ':' '\n' < benchmarks/target/classpath.txt | grep -m1 '/async-profiler-.*\.jar$')
  case "$(uname -m)" in aarch64 | arm64) platform=linux-arm64 ;; *) platform=linux-x64 ;; esac
  unzip -o -q -j "$profiler_jar" "$platform/libasyncProfiler.so" -d "$profile_dir"
  stacks="$PWD/$profile_dir/$mode-$$.collapsed"
  rm -f "$stacks"
  # the pid is known only once the server runs: the hook reads it from a file written below
  cat > "$profile_dir/window-hook.sh" <<HOOK
#!/usr/bin/env bash
pid=\$(cat "$PWD/$profile_dir/server.pid")
lib="$PWD/$profile_dir/libasyncProfiler.so"
case "\$1" in
  start) jcmd "\$pid" JVMTI.agent_load "\$lib" '"start,event=cpu,interval=1ms"' >/dev/null ;;
  stop) jcmd "\$pid" JVMTI.agent_load "\$lib" '"stop,file=$stacks,collapsed,ann"' >/dev/null ;;
esac
HOOK
  chmod +x "$profile_dir/window-hook.sh"
  export SCIMGATE_BENCH_WINDOW_HOOK="$PWD/$profile_dir/window-hook.sh"
fi
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
[ "${PROFILE:-0}" = 1 ] && echo "$server" > "$profile_dir/server.pid"
others=()
trap 'kill $server "${others[@]}" 2>/dev/null; wait $server 2>/dev/null || true; unpin_postgres; restore_autovacuum' EXIT
for _ in $(seq 1 60); do
  if [ "$mode" = ceiling ]; then grep -q listening benchmarks/target/server.log && break
  else curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; fi
  sleep 1
done
urls="http://127.0.0.1:$port"
for ((n = 1; n < nodes; n++)); do
  # each node's metrics endpoint needs a port of its own too (9464, 9465... unless off or any free one)
  node_metrics=${SCIMGATE_METRICS_PORT:-9464}
  if [ "$node_metrics" != off ] && [ "$node_metrics" != 0 ]; then node_metrics=$((node_metrics + n)); fi
  SCIMGATE_HTTP_PORT=$((port + n)) SCIMGATE_METRICS_PORT=$node_metrics taskset -c 1 java -jar gateway/app/target/scimgate.jar start \
    > "benchmarks/target/server-$n.log" 2>&1 &
  others+=($!)
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$((port + n))/health/ready" >/dev/null && break; sleep 1; done
  urls="$urls,http://127.0.0.1:$((port + n))"
done
export SCIMGATE_URLS="$urls"
export SCIMGATE_BENCH_SERVER_PIDS=$(IFS=,; echo "$server${others[*]:+,${others[*]}}")

export SCIMGATE_URL="http://127.0.0.1:$port"
export SCIMGATE_ADMIN_TOKEN="$(java -jar gateway/app/target/scimgate.jar admin-token --subject benchmark)"
props=()
[ -n "${WARMUP:-}" ] && props+=("-Dwarmup=$WARMUP")
[ -n "${ITERATIONS:-}" ] && props+=("-Diterations=$ITERATIONS")
taskset -c 0 java "${props[@]}" -cp "$classpath" "$main" "${args[@]}"
if [ "${PROFILE:-0}" = 1 ] && [ "$mode" = load ]; then
  label=${SCIMGATE_BENCH_LABEL:-${args[0]:-$mode}}
  taskset -c 0 java -cp "$classpath" io.scimgate.benchmarks.profile.HotMethods "$stacks" "$label" "$reports"
fi
# the server's peak resident memory over the whole run (target: under 512 MB)
grep VmHWM "/proc/$server/status" | awk '{printf "server peak RSS: %d MB\n", $2 / 1024}' || true
for other in "${others[@]}"; do
  grep VmHWM "/proc/$other/status" | awk '{printf "other node peak RSS: %d MB\n", $2 / 1024}' || true
done
