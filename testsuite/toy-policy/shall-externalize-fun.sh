#!/bin/sh
# Toy policy, classic protocol: shall-externalize-fun NAME [from-header]
# Externalization preferred iff the definition is not in an eligible header.
if [ "$2" = from-header ]; then
  echo "RESULT: NO"
else
  echo "RESULT: YES"
fi
