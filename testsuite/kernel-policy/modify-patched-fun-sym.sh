#!/bin/sh
# Kernel policy, classic protocol: modify-patched-fun-sym NAME RETRY
# Patched functions are renamed klpp_NAME (RETRY appended when > 0) with external linkage:
# the livepatch glue, in another file, refers to them.
new=klpp_$1
[ "$2" -gt 0 ] && new=$new$2
echo "RESULT: $new MAKE-EXTERNAL"
