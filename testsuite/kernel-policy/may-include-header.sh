#!/bin/sh
# Kernel policy, classic protocol: may-include-header FILE [pre-include]
# Public headers are eligible: FILE, after leading "./" prefixes, starts with include/ or
# arch/ARCH/include/ (one path component for ARCH). Private headers (next to a .c file) are not,
# nor the tracepoint-definition machinery that CREATE_TRACE_POINTS re-includes.
p=$1
while :; do
  case "$p" in
    ./*) p=${p#./} ;;
    *) break ;;
  esac
done
case "$p" in
  include/trace/define_trace.h|include/trace/trace_events.h|include/trace/trace_custom_events.h|\
  include/trace/perf.h|include/trace/bpf_probe.h|include/trace/stages/*)
    echo "RESULT: NO"; exit 0 ;;
  include/*) echo "RESULT: YES"; exit 0 ;;
  arch/?*/*)
    # case patterns let * match "/": check the component after arch/ by hand
    rest=${p#arch/}
    arch=${rest%%/*}
    after=${rest#*/}
    case "$arch" in
      ?*) case "$after" in
            include/*) echo "RESULT: YES"; exit 0 ;;
          esac ;;
    esac ;;
esac
echo "RESULT: NO"
