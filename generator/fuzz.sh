#!/usr/bin/env bash
# Runs Arshif's Jazzer fuzz targets in fuzzing mode, one after another (the machine's cores are shared: run it
# under `nice -n 19`). Under plain `mvn test` the same targets only replay their stored inputs.
#
#   generator/fuzz.sh [-d DURATION] [-k FINDINGS] [TARGET...]
#
#   -d DURATION  how long to fuzz each target, as Jazzer reads it (default 10m; e.g. 90s, 1h)
#   -k FINDINGS  go on until this many distinct findings (default 20); a finding of a timeout always stops a run
#   TARGET       Class#method under org.arshif.fuzz (default: every target below)
#
# Environment: MVN_ARGS (default "-o", offline), FUZZ_LOG_DIR (default target/fuzz-logs).
#
# Findings are written by Jazzer as crash-*/timeout-* files into
# src/test/resources/org/arshif/fuzz/<Class>Inputs/<method>/, where the normal tests replay them: fix the code,
# then give the file a name that says what it found. A finding in a class of crashes that is known and fixed
# elsewhere goes to src/test/fuzz-pending/<method>/ instead (see KnownCrashes). The working corpus is kept in
# target/fuzz-corpus/ between runs (git ignores it, `mvn clean` deletes it): outside the folder that
# Jazzer's regression mode reads, so a local corpus does not change what `mvn test` runs.
set -euo pipefail

cd "$(dirname "$0")"
duration=10m
keep_going=20
while getopts "d:k:" opt; do
    case "$opt" in
        d) duration="$OPTARG" ;;
        k) keep_going="$OPTARG" ;;
        *) sed -n '2,12p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(DispatchFuzzTest#frontMatter DispatchFuzzTest#agencyText DispatchFuzzTest#markdown
             ConfigFuzzTest#config ConfigFuzzTest#vocabulary QueryFuzzTest#query)
fi
mvn_args=${MVN_ARGS--o}
log_dir=${FUZZ_LOG_DIR:-target/fuzz-logs}
mkdir -p "$log_dir" target/fuzz-corpus

# shellcheck disable=SC2086
mvn -B -q $mvn_args test-compile

status=0
for target in "${targets[@]}"; do
    class=${target%%#*}
    method=${target#*#}
    work=.cifuzz-corpus/org.arshif.fuzz.$class/$method
    kept=target/fuzz-corpus/$class/$method
    mkdir -p "$(dirname "$work")" "$kept"
    rm -rf "$work"
    mv "$kept" "$work"
    log=$log_dir/$class-$method.log
    echo "fuzzing $target for $duration (log: $log)"
    # The per-input timeout is the class's @Timeout; JUnit's own timeout would stop the whole run, so it is off.
    # shellcheck disable=SC2086
    if JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" JAZZER_KEEP_GOING="$keep_going" \
        mvn -B $mvn_args surefire:test@fuzz -Dtest="$target" -Djunit.jupiter.execution.timeout.mode=disabled \
        > "$log" 2>&1; then
        result=passed
    else
        result="FAILED: findings, see $log"
        status=1
    fi
    # libFuzzer writes to the test JVM's stderr, which reaches $log; the Java side's output is here:
    cp "target/surefire-reports/org.arshif.fuzz.$class-output.txt" "$log.java" 2>/dev/null || true
    mv "$work" "$kept"
    rmdir -p --ignore-fail-on-non-empty "$(dirname "$work")" 2>/dev/null || true
    # libFuzzer's last status line: executions, coverage (edges), features, corpus size.
    stats=$(grep -aE '^#[0-9]+' "$log" 2>/dev/null | tail -1 || true)
    echo "$target: $result; $(find "$kept" -type f | wc -l) corpus inputs; last: ${stats:-none}"
done
exit $status
