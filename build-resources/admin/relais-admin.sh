#!/bin/sh
# relais-admin of the installed Relais, always the same version as the app:
#   /opt/Relais/relais-admin doctor
# It runs the app's own binary in admin mode (no window): same commands, output and exit codes.
here=$(dirname "$(readlink -f "$0")")
exec "$here/relais" --admin "$@"
