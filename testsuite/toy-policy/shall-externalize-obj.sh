#!/bin/sh
# Toy policy, classic protocol: shall-externalize-obj NAME
# Externalized iff NAME starts with e[use]p?r?_.
case "$1" in
  e[use]_*|e[use]p_*|e[use]r_*|e[use]pr_*) echo "RESULT: YES" ;;
  *) echo "RESULT: NO" ;;
esac
