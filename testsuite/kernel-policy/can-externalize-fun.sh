#!/bin/sh
# Kernel policy, classic protocol: can-externalize-fun NAME [internal|external FILE:LINE:COL]
# Every function can be bound to the running kernel's instance (through kallsyms).
echo "RESULT: YES"
