#!/bin/sh
# Toy policy, classic protocol: may-include-header FILE [pre-include]
# Eligible iff the path does not contain "internal" anywhere.
case "$1" in
  *internal*) echo "RESULT: NO" ;;
  *) echo "RESULT: YES" ;;
esac
