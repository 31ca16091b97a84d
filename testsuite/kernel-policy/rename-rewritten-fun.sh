#!/bin/sh
# Kernel policy, classic protocol: rename-rewritten-fun NAME RETRY
# Rewritten copies are renamed klpr_NAME (RETRY appended when > 0).
new=klpr_$1
[ "$2" -gt 0 ] && new=$new$2
echo "RESULT: $new"
