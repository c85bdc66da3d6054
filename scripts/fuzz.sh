#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for a while.
#
#   scripts/fuzz.sh TARGET|all [SECONDS]      (TARGET: article-parser, date-grammar; SECONDS: per target, default 60)
#
# The corpus grows in Fuzz/corpus/<target> (seeded from Tests/Fixtures/fuzz/<target>/{seeds,regressions} and
# Tests/Fixtures/samples); inputs that crash or break an invariant go to Fuzz/crashes/<target>. Prints one summary
# line per target and exits non-zero, naming each crash file, if any target found one. To keep a fixed bug fixed,
# copy its input to Tests/Fixtures/fuzz/<target>/regressions: the test suite replays that directory.
#
# GLEANER_FUZZ_SANITIZERS (default fuzzer,address) is passed to -sanitize=.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: $0 article-parser|date-grammar|all [SECONDS]" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 2 ]] || usage
seconds=${2:-60}
[[ $seconds =~ ^[0-9]+$ ]] || usage
case $1 in
all) targets=(article-parser date-grammar) ;;
article-parser | date-grammar) targets=("$1") ;;
*) usage ;;
esac

product() {
    case $1 in
    article-parser) echo FuzzArticleParser ;;
    date-grammar) echo FuzzDateGrammar ;;
    esac
}
max_len() {
    case $1 in
    article-parser) echo 16384 ;;
    date-grammar) echo 4096 ;;
    esac
}

sanitizers=${GLEANER_FUZZ_SANITIZERS:-fuzzer,address}
build=(swift build --package-path Fuzz -c release -Xswiftc "-sanitize=$sanitizers")
echo "== build fuzzers (-sanitize=$sanitizers)"
"${build[@]}"
bin=$("${build[@]}" --show-bin-path)

failed=()
summaries=()
for target in "${targets[@]}"; do
    corpus=Fuzz/corpus/$target
    crashes=Fuzz/crashes/$target
    log=Fuzz/logs/$target.log
    mkdir -p "$corpus" "$crashes" Fuzz/logs
    seeds=(Tests/Fixtures/fuzz/"$target"/seeds Tests/Fixtures/fuzz/"$target"/regressions Tests/Fixtures/samples)
    before=$(find "$crashes" -type f | sort)
    echo "== fuzz $target for ${seconds}s"
    status=0
    # Swift's own crash backtracer would read memory that AddressSanitizer guards; libFuzzer prints the stack.
    SWIFT_BACKTRACE=enable=no "$bin/$(product "$target")" "$corpus" "${seeds[@]}" \
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$crashes/" 2>&1 | tee "$log" ||
        status=$?
    executions=$(awk -F: '/stat::number_of_executed_units/ { n += $NF } END { print n + 0 }' "$log")
    rate=$(awk -F: '/stat::average_exec_per_sec/ { n += $NF } END { print n + 0 }' "$log")
    size=$(find "$corpus" -type f | wc -l)
    new=$(comm -13 <(echo "$before") <(find "$crashes" -type f | sort) | sed '/^$/d')
    count=$(echo -n "$new" | grep -c . || true)
    summaries+=("$target: $executions executions, $rate exec/s, corpus $size inputs, $count crashes")
    if [[ -n $new ]]; then
        while IFS= read -r crash; do failed+=("$crash"); done <<<"$new"
    elif [[ $status -ne 0 ]]; then
        failed+=("$target: libFuzzer exited with status $status, no input saved (see $log)")
    fi
done

echo "== summary"
printf '%s\n' "${summaries[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "== crashes (reproduce with: $bin/<FuzzTarget> FILE)"
    printf '%s\n' "${failed[@]}"
    exit 1
fi
