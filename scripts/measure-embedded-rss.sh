#!/bin/bash
# usage: scripts/measure-embedded-rss.sh <label> — RSS of the background owner and of embedded `nexus serve`
# after a few commands / requests, on a fresh desk in $NEXUS_RSS_DIR (default /tmp/nexus-rss). Needs a build.
cd "$(dirname "$0")/.."
export NEXUS_DATA_DIR=${NEXUS_RSS_DIR:-/tmp/nexus-rss}/data XDG_CONFIG_HOME=${NEXUS_RSS_DIR:-/tmp/nexus-rss}/config NEXUS_EMBEDDED_OWNER=background NEXUS_OWNER_IDLE_SECONDS=600 NO_COLOR=1
rss() { grep VmRSS /proc/$1/status | awk '{print $2/1024 " MB"}'; }
if [ ! -d $NEXUS_DATA_DIR/pgdata ]; then ./bin/nexus init --admin-email admin@example.com --admin-password 'admin password' --no-input >/dev/null 2>&1; fi
./bin/nexus login --email admin@example.com --password-stdin <<<'admin password' >/dev/null 2>&1
for i in 1 2 3; do ./bin/nexus tickets create --customer c$i@example.org --subject "s $i" --message "m $i" >/dev/null 2>&1; done
./bin/nexus tickets list >/dev/null 2>&1
OWNER=$(./bin/nexus owner status --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).pid))')
echo "$1 owner pid $OWNER rss $(rss $OWNER)"
./bin/nexus owner stop >/dev/null 2>&1
./bin/nexus serve --port 0 >${NEXUS_RSS_DIR:-/tmp/nexus-rss}/serve.out 2>&1 &
SPID=$!
for i in $(seq 1 100); do grep -q "listening on" ${NEXUS_RSS_DIR:-/tmp/nexus-rss}/serve.out && break; sleep 0.3; done
URL=$(grep -o 'http://[^ ]*' ${NEXUS_RSS_DIR:-/tmp/nexus-rss}/serve.out | head -1)
for i in $(seq 1 20); do curl -s $URL/readyz >/dev/null; curl -s -XPOST -H 'content-type: application/json' $URL/v1/auth/login -d '{"email":"admin@example.com","password":"admin password"}' >/dev/null; done
echo "$1 serve pid $SPID rss $(rss $SPID)"
kill $SPID; wait $SPID 2>/dev/null
