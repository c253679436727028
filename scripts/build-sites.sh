#!/usr/bin/env bash
# Builds the site twice, as the tests check it: at the domain root (dist/) and under /blog/ (dist-blog/).
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1 SITE_URL="${SITE_URL:-https://blog.example.org}"
BASE_PATH=/ OUT_DIR=./dist astro build
BASE_PATH=/blog/ OUT_DIR=./dist-blog astro build
