#!/usr/bin/env bash
# Runs Arshif's Jazzer fuzz targets in fuzzing mode, one after another (the machine's cores are shared: run it
# under `nice -n 19`). Under plain `mvn test` the same targets only replay their stored inputs.
#
#   generator/fuzz.sh [-d DURATION] [-k FINDINGS] [TARGET...]
#   generator/fuzz.sh -m [-n MAX] [TARGET...]
#
#   -d DURATION  how long to fuzz each target, as Jazzer reads it (default 10m; e.g. 90s, 1h)
#   -k FINDINGS  go on until this many distinct findings (default 20); a finding of a timeout always stops a run
#   -m           instead of fuzzing, minimize: replay the working corpus and keep, in <Class>Inputs/<method>/corpus/
#                (committed, replayed by mvn test), the inputs that each add a covered edge, at most MAX of them,
#                the largest first (default 50)
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

cd "$(dirname "$0")/core"
duration=10m
keep_going=20
minimize=false
max_kept=50
while getopts "d:k:mn:" opt; do
    case "$opt" in
        d) duration="$OPTARG" ;;
        k) keep_going="$OPTARG" ;;
        m) minimize=true ;;
        n) max_kept="$OPTARG" ;;
        *) sed -n '2,18p' "$0"; exit 2 ;;
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

# Replays the working corpus once with edges only (no hit counts) as coverage: libFuzzer, going from the
# smallest input up, keeps those that add an edge and lists them by SHA-1, which is also their file name.
minimize_target() {
    local class=$1 method=$2 kept=$3 inputs=$4 work=$5 log=$6
    local committed=$inputs/corpus
    mkdir -p "$kept" "$committed"
    cp "$committed"/* "$kept"/ 2>/dev/null || true
    rm -rf "$work" && mkdir -p "$work"
    # shellcheck disable=SC2086
    JAZZER_FUZZ=1 JAZZER_KEEP_GOING=1000 mvn -B $mvn_args surefire:test@fuzz -Dtest="$class#$method" \
        -Djunit.jupiter.execution.timeout.mode=disabled -Djazzer.internal.arg.0=fuzz \
        -Djazzer.internal.arg.1=-use_counters=0 -Djazzer.internal.arg.2=-runs=0 \
        -Djazzer.internal.arg.3=-print_corpus_stats=1 -Djazzer.internal.arg.4="$PWD/$kept" > "$log" 2>&1 || true
    rm -rf "$work"
    local named picked
    named=$(find "$inputs" -maxdepth 1 -type f -exec sha1sum {} + | cut -d' ' -f1)
    # The list is printed again at each finding (a known crash in the corpus): the one after DONE is final.
    picked=$(sed -n '/DONE /,$p' "$log" | grep -aoE '^ +\[ *[0-9]+ [0-9a-f]{40}\] sz: +[0-9]+' \
        | awk '{print $NF, $(NF-2)}' | tr -d ']' \
        | while read -r size sha; do
            if [ -f "$kept/$sha" ] && ! grep -q "$sha" <<< "$named"; then echo "$size $sha"; fi
        done | sort -rn | head -n "$max_kept" | cut -d' ' -f2)
    rm -f "$committed"/*
    for sha in $picked; do cp "$kept/$sha" "$committed/$sha"; done
    echo "$class#$method: $(grep -aE 'INITED' "$log" | tail -1 | cut -c1-60); kept $(echo "$picked" | grep -c .)" \
        "inputs in $committed"
    # Corpus inputs that crash now (a known class, or a bug fixed since) are written again as crash-* files.
    find "$inputs" -maxdepth 1 -type f -name 'crash-*' | sed 's/^/  finding again: /'
}

status=0
for target in "${targets[@]}"; do
    class=${target%%#*}
    method=${target#*#}
    work=.cifuzz-corpus/org.arshif.fuzz.$class/$method
    kept=target/fuzz-corpus/$class/$method
    inputs=src/test/resources/org/arshif/fuzz/${class}Inputs/$method
    mkdir -p "$(dirname "$work")" "$kept"
    if $minimize; then
        minimize_target "$class" "$method" "$kept" "$inputs" "$work" "$log_dir/$class-$method.minimize.log"
        continue
    fi
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
    # With -k above 1 a run goes on after a finding and can pass: the files it wrote are what counts.
    findings=$(find "$inputs" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'slow-unit-*' \) \
        2>/dev/null | sort)
    if [ -n "$findings" ]; then
        echo "$target: findings to look at (fix, then rename; or move to src/test/fuzz-pending/$method/):"
        echo "$findings" | sed 's/^/  /'
        status=1
    fi
done
exit $status
