#!/bin/sh
# Toy policy, classic protocol: rename-rewritten-fun NAME RETRY
# Rename to klpr_NAME (RETRY appended when > 0).
new=klpr_$1
[ "$2" -gt 0 ] && new=$new$2
echo "RESULT: $new"
