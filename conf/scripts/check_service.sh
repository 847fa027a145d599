#!/bin/sh
# keepalived track script: exits 0 while this node may hold the VIP, 1 otherwise.
#
#   check_service.sh            healthy unless /etc/keepalived/maintenance exists
#   check_service.sh haproxy    also requires a running process named haproxy
#
# Touch /etc/keepalived/maintenance to drain this node; remove it to bring it back.
[ -e /etc/keepalived/maintenance ] && exit 1
if [ -n "$1" ]; then
    pidof "$1" >/dev/null 2>&1 || exit 1
fi
exit 0
