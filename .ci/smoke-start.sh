#!/usr/bin/env bash
# Starts `heatwire serve` (what `npm start` runs) on a fresh data folder and checks that the home
# page lists the bundled sample corpus and that search answers.
set -euo pipefail
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }
data=$(mktemp -d)
port=18089
HEATWIRE_DATA="$data" node dist/src/main.js serve --port "$port" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$data/serve.log"; exit 1; }
  sleep 0.5
done
count=$(curl -fsS "http://127.0.0.1:$port/api/v1/articles?limit=200" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).articles.length))')
echo "smoke: /api/v1/articles lists $count articles"
[ "$count" -ge 200 ] || { echo "expected the sample corpus (>= 200 articles)"; cat "$data/serve.log"; exit 1; }
home=$(curl -fsS "http://127.0.0.1:$port/")
grep -q '<h1><a href="/">Heatwire</a></h1>' <<<"$home" || { echo "home page without its heading"; exit 1; }
grep -q 'AI Hardware' <<<"$home" || { echo "home page does not list the sample topics"; exit 1; }
results=$(curl -fsS "http://127.0.0.1:$port/?q=model")
grep -q '<h2>Search: model</h2>' <<<"$results" || { echo "search page broken"; exit 1; }
echo "smoke: ok"
