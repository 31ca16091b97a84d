#!/bin/sh
# Kernel policy, classic protocol: modify-externalized-sym function|object NAME RETRY
# Externalized symbols become static pointers klpe_NAME filled from kallsyms by the module's
# init code (RETRY appended to the name when > 0).
new=klpe_$2
[ "$3" -gt 0 ] && new=$new$3
echo "RESULT: $new MAKE-INTERNAL MAKE-POINTER"
