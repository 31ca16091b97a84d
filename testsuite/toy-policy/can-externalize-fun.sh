#!/bin/sh
# Toy policy, classic protocol: can-externalize-fun NAME [internal|external FILE:LINE:COL]
# Externalizable iff, after an optional p[use]_ prefix, NAME starts with e[use]p?r?_.
n=$1
case "$n" in
  p[use]_*) n=${n#???} ;;
esac
case "$n" in
  e[use]_*|e[use]p_*|e[use]r_*|e[use]pr_*) echo "RESULT: YES" ;;
  *) echo "RESULT: NO" ;;
esac
