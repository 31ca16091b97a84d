#!/bin/sh
# Kernel policy, classic protocol: shall-externalize-obj NAME
# Objects are externalized: the running kernel's instance must be used.
echo "RESULT: YES"
