#!/usr/bin/env bash
# Whole-process benchmark of klp-ccp against gcc on the kernel cases, measured in one run.
#   bench/bench.sh [--runs N] [--cases PATTERN] STAGE...
# STAGE: preprocess (klp-ccp preprocess vs gcc -E), parse (klp-ccp parse: preprocess, parse and
#        analyse, vs gcc -fsyntax-only), from-diff (klp-ccp from-diff on the case's fix, or on
#        full.patch where fix.patch alone does not compile: both versions of the unit analysed,
#        compared, and the live patch made; vs gcc -fsyntax-only on the unit), classic (the
#        classic invocation with --policy=kernel and --patched-functions naming the functions of
#        functions.txt's table that this configuration changes and the unpatched unit defines;
#        vs gcc -fsyntax-only; cases with nothing to patch are left out)
# For each stage it prints per case the median wall time of both over N runs, their ratio and
# the peak resident memory, then the median ratio over all cases and the largest peak memory.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
shared="$(cd "$here/.." && pwd)/shared"
kernel="$shared/kernel"
runs=5
pattern="*"
stages=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --cases) pattern="$2"; shift 2 ;;
    *) stages+=("$1"); shift ;;
  esac
done
[ ${#stages[@]} -gt 0 ] || stages=(preprocess)
[ -d "$kernel/cases" ] || { echo "bench: $kernel/cases not found" >&2; exit 1; }

"$here/scripts/build-native.sh"
klp="$here/.build/klp-ccp/klp-ccp"

# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# time_cmd OUTFILE-PREFIX CMD... : runs CMD $runs times in linux/, prints "median_seconds max_rss_kb"
time_cmd() {
  local t rss times=() maxrss=0
  for ((i = 0; i < runs; i++)); do
    local status=0
    /usr/bin/time -f "%e %M" -o /tmp/klp-bench-time.$$ "$@" >/dev/null 2>/tmp/klp-bench-err.$$ || status=$?
    sed -i '/^Command exited/d' /tmp/klp-bench-time.$$ # time's note about a non-zero status
    # from-diff refuses a change a live patch cannot carry with status 3: a result, not a failure
    if [ "$status" != 0 ] && ! { [ "$status" = 3 ] && [ "${allow_refusal:-0}" = 1 ]; }; then
      echo "bench: command failed: $*" >&2; cat /tmp/klp-bench-err.$$ >&2; exit 1
    fi
    read -r t rss < /tmp/klp-bench-time.$$
    times+=("$t")
    [ "$rss" -gt "$maxrss" ] && maxrss=$rss
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | median)" "$maxrss"
}

for stage in "${stages[@]}"; do
  case "$stage" in
    preprocess) ref_flags=(-E); ours_sub=(preprocess) ;;
    parse) ref_flags=(-fsyntax-only); ours_sub=(parse) ;;
    from-diff) ref_flags=(-fsyntax-only); ours_sub=(from-diff) ;;
    classic) ref_flags=(-fsyntax-only); ours_sub=(--policy=kernel) ;;
    *) echo "bench: unknown stage '$stage'" >&2; exit 1 ;;
  esac
  echo "== $stage: klp-ccp ${ours_sub[*]} vs gcc ${ref_flags[*]} (median of $runs runs per case)"
  printf '%-32s %9s %9s %7s %10s %10s\n' case gcc_s ours_s ratio gcc_rss_MB ours_rss_MB
  ratios=()
  sizes=()
  peak=0
  for dir in "$kernel"/cases/$pattern/; do
    name=$(basename "$dir")
    if [ "$stage" = classic ]; then
      # the table's functions (not added or moved: the unpatched unit has no definition) that the effective change names
      patched=$(awk -F'\t' '
        /^# name\tstatus/ { table = 1; next }
        table && (/^#/ || NF < 3) { table = 0 }
        table && $2 != "added" && $2 != "moved" { want[$1] = 1 }
        /^# Effective change in this config/ {
          sub(/^[^:]*\): */, ""); n = split($0, e, /; */)
          for (i = 1; i <= n; i++) if (e[i] ~ /^function /) { f = substr(e[i], 10); if (f in want && !(f in seen)) { seen[f] = 1; out = out (out ? "," : "") f } }
        }
        END { print out }' "$dir/functions.txt")
      [ -n "$patched" ] || continue
    fi
    cmd=$(cat "$dir/cmd.txt")
    eval "set -- $cmd"; shift
    args=("$@")
    # gcc reference: without kbuild's dependency side output and -c -o
    ref=()
    skip=0
    for a in "${args[@]}"; do
      if [ $skip = 1 ]; then skip=0; continue; fi
      case "$a" in -Wp,-MMD,*|-Wp,-MD,*|-c) continue ;; -o) skip=1; continue ;; esac
      ref+=("$a")
    done
    if [ "$stage" = parse ]; then
      read -r gs grss < <(cd "$kernel/linux" && time_cmd gcc "${ref[@]}" "${ref_flags[@]}")
    else
      read -r gs grss < <(cd "$kernel/linux" && time_cmd gcc "${ref[@]}" "${ref_flags[@]}" -o /dev/null)
    fi
    if [ "$stage" = from-diff ]; then
      id=${name%%-*}
      patch="$dir/fix.patch"
      if [ -f "$dir/full.patch" ] && awk -F'\t' -v id="$id" '$1 == id && $11 !~ /^ok/ { found = 1 } END { exit !found }' "$kernel/cases.tsv"; then
        patch="$dir/full.patch"
      fi
      outdir=$(mktemp -d)
      read -r os orss < <(cd "$kernel/linux" && allow_refusal=1 time_cmd "$klp" from-diff --compiler=x86_64-gcc-12.2.0 --progress=false \
        --cmd "$dir/cmd.txt" --output-dir "$outdir" "$patch")
      rm -rf "$outdir"
    elif [ "$stage" = classic ]; then
      out=$(mktemp)
      read -r os orss < <(cd "$kernel/linux" && time_cmd "$klp" --compiler=x86_64-gcc-12.2.0 --outfile="$out" --policy=kernel \
        --patched-functions="$patched" -- "${args[@]}")
      # output size against the preprocessed unit (gcc -E -P: no line markers, no blank lines)
      lp_lines=$(wc -l < "$out")
      pp_lines=$(cd "$kernel/linux" && gcc "${ref[@]}" -E -P -o - | wc -l)
      sizes+=("$name $lp_lines $pp_lines")
      rm -f "$out"
    else
      read -r os orss < <(cd "$kernel/linux" && time_cmd "$klp" "${ours_sub[@]}" -- "${args[@]}")
    fi
    ratio=$(awk -v a="$os" -v b="$gs" 'BEGIN { printf "%.2f", a / b }')
    ratios+=("$ratio")
    [ "$orss" -gt "$peak" ] && peak=$orss
    printf '%-32s %9s %9s %7s %10.1f %10.1f\n' "$name" "$gs" "$os" "$ratio" "$(echo "$grss/1024" | bc -l)" "$(echo "$orss/1024" | bc -l)"
  done
  echo "$stage: median ratio klp-ccp/gcc = $(printf '%s\n' "${ratios[@]}" | median) over ${#ratios[@]} cases; peak memory $((peak / 1024)) MB"
  if [ ${#sizes[@]} -gt 0 ]; then
    echo "$stage: live patch lines vs preprocessed unit lines (gcc -E -P)"
    printf '%s\n' "${sizes[@]}" | awk '{ printf "  %-32s %6d %8d %6.2f%%\n", $1, $2, $3, 100 * $2 / $3; lp += $2; pp += $3 }
      END { printf "  %-32s %6d %8d %6.2f%%\n", "total", lp, pp, 100 * lp / pp }'
  fi
done
rm -f /tmp/klp-bench-time.$$ /tmp/klp-bench-err.$$
