#!/bin/sh
# Toy policy, classic protocol: modify-patched-fun-sym NAME RETRY
# Rename to klpp_NAME (RETRY appended when > 0); linkage by the 2nd letter of p[use]_:
# u keep, s make internal, e make external.
name=$1
retry=$2
case "$name" in
  pu_*) linkage=KEEP-LINKAGE ;;
  ps_*) linkage=MAKE-INTERNAL ;;
  pe_*) linkage=MAKE-EXTERNAL ;;
  *) echo "error: logic error: function \"$name\" is not to be patched" >&2; exit 1 ;;
esac
new=klpp_$name
[ "$retry" -gt 0 ] && new=$new$retry
echo "RESULT: $new $linkage"
