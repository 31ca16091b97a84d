#!/bin/sh
# Kernel policy, classic protocol: shall-externalize-fun NAME [from-header]
# Externalizing is preferred unless the definition comes from an eligible header (a static
# inline function of a public header is copied by including the header).
if [ "$2" = from-header ]; then
  echo "RESULT: NO"
else
  echo "RESULT: YES"
fi
