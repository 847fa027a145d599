#!/bin/sh
# keepalived notify script.
#
# As `notify "/etc/keepalived/scripts/notify.sh"`, keepalived runs it with:
#   $1 = INSTANCE or GROUP, $2 = the instance or group name, $3 = the new state
#   (MASTER, BACKUP, FAULT or STOP), $4 = the priority.
# As `notify_master "/etc/keepalived/scripts/notify.sh master"`, $1 is the word given.
#
# It logs the change to syslog and appends it to /run/keepalived-state.log; extend it to
# reload services, update DNS, page someone, ...
logger -t keepalived-notify -- "$*"
printf '%s %s\n' "$(date '+%Y-%m-%dT%H:%M:%S%z')" "$*" >> /run/keepalived-state.log
exit 0
