#!/usr/bin/env bash
# Installs what the PySpark example needs: a Java runtime (Debian's OpenJDK 17, only when no `java`
# is on PATH) and pyspark from PyPI in a virtual environment beside this script (`.venv`).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends openjdk-17-jre-headless
fi
java -version

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet "pyspark>=3.5,<5"
.venv/bin/python -c 'import pyspark; print("pyspark", pyspark.__version__)'
