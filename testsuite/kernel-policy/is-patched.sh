#!/bin/sh
# Kernel policy, classic protocol: is-patched NAME
# Nothing is patched unless named by --patched-functions (the caller knows the patched set).
echo "RESULT: NO"
