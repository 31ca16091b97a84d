#!/bin/sh
# Toy policy (SPEC 3.2, Python form), classic protocol: is-patched NAME
# Patched iff NAME starts with pu_, ps_ or pe_.
case "$1" in
  p[use]_*) echo "RESULT: YES" ;;
  *) echo "RESULT: NO" ;;
esac
