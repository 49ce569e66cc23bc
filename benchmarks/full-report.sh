#!/usr/bin/env bash
# benchmarks/run.sh full: the full report. Builds once, sets earlier results aside, then runs, interleaved (so that
# a slow spell of the machine hits gateway and ceiling alike):
#   RUNS times: every workload against the gateway, the ceiling server and pgbench; the gateway and the ceiling
#   server each serve all five workloads in one process (one JIT warm-up of WARMUP_SECONDS, then REWARM_SECONDS
#   of each later workload's own load before its window: see load/WorkloadSequence), in the order of `sequence`
#   below: mixed first, whose blend of all four warms every code path the others take, okta-import, which adds
#   the most users, last;
#   TWO_NODE_RUNS times: the four IdP workloads on two gateway nodes;
#   SCALE_RUNS times: the scale curves (group-storm by group size, entra-cycle by directory size);
#   once: a profiled gateway run per workload, and the JMH micro-benchmarks; then benchmarks/target/reports/index.html.
# Environment: RUNS (3), TWO_NODE_RUNS (2), SCALE_RUNS (2), CONCURRENCY (64), SECONDS_MEASURED (15),
# WARMUP_SECONDS (45: on a core shared with PostgreSQL the JIT needs that long; pgbench, with no JIT, gets 5),
# REWARM_SECONDS (5), USERS (20000), GROUP_MEMBERS (10000), SKIP (parts to leave out: main two-nodes scale profiles jmh).
# A run that fails is reported at the end and does not stop the others. Each step prints "step k of N" and, from
# the average step so far, about how long the rest takes.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
two_node_runs=${TWO_NODE_RUNS:-2}
scale_runs=${SCALE_RUNS:-2}
skip=" ${SKIP:-} "
workloads=(okta-import entra-cycle deactivate group-storm mixed)
# one server process measures them all, on one seeded directory: the blend first (it warms every path), the
# import (it adds the most users) last
sequence=mixed,deactivate,group-storm,entra-cycle,okta-import
common=(--concurrency "${CONCURRENCY:-64}" --seconds "${SECONDS_MEASURED:-15}" --warmup "${WARMUP_SECONDS:-45}"
  --users "${USERS:-20000}" --groups 4 --group-members "${GROUP_MEMBERS:-10000}")
reports=benchmarks/target/reports
failed=()
started=$(date +%s)

log=benchmarks/target/full-run.log
wanted() { [[ "$skip" != *" $1 "* ]]; }
# how many steps the loops below run, so that each step says "k of N" and how long the rest should take
total_steps=0
wanted main && total_steps=$((total_steps + runs * (2 + ${#workloads[@]})))
wanted two-nodes && total_steps=$((total_steps + two_node_runs * 4))
wanted scale && total_steps=$((total_steps + scale_runs * 6))
wanted profiles && total_steps=$((total_steps + ${#workloads[@]}))
wanted jmh && total_steps=$((total_steps + 1))
steps_done=0
steps_started=""
minutes() { local s=$1; if [ "$s" -lt 60 ]; then echo "under a minute"; elif [ "$s" -ge 3600 ]; then echo "$((s / 3600)) h $((s % 3600 / 60)) min"; else echo "$((s / 60)) min"; fi; }
# the rest estimated from the average step so far (steps differ: a load run is about a minute, jmh four)
eta() {
  [ "$steps_done" -eq 0 ] && return 0
  local spent=$(( $(date +%s) - steps_started ))
  echo ", about $(minutes $(( spent * (total_steps - steps_done) / steps_done ))) left"
}
step() {
  [ -n "$steps_started" ] || steps_started=$(date +%s)
  echo "== step $((steps_done + 1)) of $total_steps$(eta), $(date -u +%H:%M:%S): benchmarks/run.sh $*" | tee -a "$log"
  benchmarks/run.sh "$@" 2>&1 | tee -a "$log" | grep -E 'operations/s|CPU ms|statuses|peak RSS|tps|error'
  local status=("${PIPESTATUS[@]}")
  [ "${status[0]}" = 0 ] || failed+=("$*")
  steps_done=$((steps_done + 1))
}

mkdir -p benchmarks/target && : > "$log"
set -e
mvn -B -q -ntp -DskipTests install
mvn -B -q -ntp -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
set +e
export SCIMGATE_BENCH_SKIP_BUILD=1
if compgen -G "$reports/*.json" >/dev/null; then
  previous="$reports/previous-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$previous" && mv "$reports"/*.json "$previous"/
  echo "earlier results moved to $previous"
fi

rounds=$(( runs > two_node_runs ? runs : two_node_runs ))
rounds=$(( rounds > scale_runs ? rounds : scale_runs ))
for ((round = 1; round <= rounds; round++)); do
  if wanted main && [ "$round" -le "$runs" ]; then
    step load "$sequence" "${common[@]}" --rewarm "${REWARM_SECONDS:-5}"
    step ceiling "$sequence" "${common[@]}" --rewarm "${REWARM_SECONDS:-5}"
    for workload in "${workloads[@]}"; do
      step pgbench "$workload" "${common[@]}" --warmup 5
    done
  fi
  if wanted two-nodes && [ "$round" -le "$two_node_runs" ]; then
    for workload in okta-import entra-cycle deactivate group-storm; do
      step load "$workload" "${common[@]}" --nodes 2
    done
  fi
  if wanted scale && [ "$round" -le "$scale_runs" ]; then
    for size in 1000 10000 100000; do
      SCIMGATE_BENCH_LABEL="group-storm@$size" step load group-storm "${common[@]}" --groups 1 \
        --group-members "$size" --users "$size"
    done
    for size in 10000 100000 1000000; do
      SCIMGATE_BENCH_LABEL="entra-cycle@$size" step load entra-cycle "${common[@]}" --users "$size" --groups 1 \
        --group-members 100
    done
  fi
done
# profiled runs last and apart: the recording costs a little, so their run files go to reports/profiled/ and
# only the profiles themselves reach the report
if wanted profiles; then
  for workload in "${workloads[@]}"; do
    PROFILE=1 SCIMGATE_BENCH_RUN_DIR="$reports/profiled" step load "$workload" "${common[@]}"
  done
fi
wanted jmh && step jmh
benchmarks/run.sh report
echo "full run: $(( ($(date +%s) - started) / 60 )) min; report: $reports/index.html"
if [ "${#failed[@]}" -gt 0 ]; then
  printf 'failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
