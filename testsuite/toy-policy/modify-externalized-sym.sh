#!/bin/sh
# Toy policy, classic protocol: modify-externalized-sym function|object NAME RETRY
# After an optional p[use]_ prefix NAME is e[use]p?r?_...: the 2nd letter gives the linkage
# (u keep, s make internal, e make external), p makes a pointer, r renames to klpe_NAME
# (RETRY appended when > 0); without r the name is kept.
kind=$1
name=$2
retry=$3
n=$name
case "$n" in
  p[use]_*) n=${n#???} ;;
esac
pointer=
rename=
case "$n" in
  e[use]pr_*) pointer=1; rename=1 ;;
  e[use]p_*) pointer=1 ;;
  e[use]r_*) rename=1 ;;
  e[use]_*) ;;
  *) echo "error: logic error: $kind \"$name\" is not to be externalized" >&2; exit 1 ;;
esac
case "$n" in
  eu*) linkage=KEEP-LINKAGE ;;
  es*) linkage=MAKE-INTERNAL ;;
  ee*) linkage=MAKE-EXTERNAL ;;
esac
new=$name
if [ -n "$rename" ]; then
  new=klpe_$name
  [ "$retry" -gt 0 ] && new=$new$retry
fi
if [ -n "$pointer" ]; then
  echo "RESULT: $new $linkage MAKE-POINTER"
else
  echo "RESULT: $new $linkage"
fi
