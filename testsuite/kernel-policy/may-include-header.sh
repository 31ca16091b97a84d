#!/bin/sh
# Kernel policy, classic protocol: may-include-header FILE [pre-include]
# Public headers are eligible: FILE, after leading "./" prefixes, starts with include/ or
# arch/ARCH/include/ (one path component for ARCH). Private headers (next to a .c file) are not.
p=$1
while :; do
  case "$p" in
    ./*) p=${p#./} ;;
    *) break ;;
  esac
done
case "$p" in
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
