#!/usr/bin/env bash
# Runs first in `npm test`: makes sure what the suites need is here before any of them starts,
# so a missing piece is named in the first second instead of by a browser launch error minutes
# in. The browser journeys need Chromium; the MySQL-family suites need a MariaDB or MySQL server.
#
# As root on Debian (a fresh CI machine) it installs and starts what is missing, as `.ci/run`
# relies on. Anywhere else, or with SLUICE_PREREQUISITES=check, it installs nothing and stops with
# the exact command that would.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
default_url='mysql://root@127.0.0.1:3306/test'
mysql_url="${SLUICE_TEST_MYSQL_URL:-$default_url}"
# The URL as logs may show it: a password in it becomes ***.
shown_url="$(printf '%s' "$mysql_url" | sed -E 's#^([a-z]+://[^:/@]*):[^@]*@#\1:***@#')"

can_install() {
  [ "${SLUICE_PREREQUISITES:-install}" != check ] && [ "$(id -u)" = 0 ] &&
    command -v apt-get >/dev/null
}

# How a person who is not root runs a command that needs root.
as_root() { if [ "$(id -u)" = 0 ]; then echo "$*"; else echo "sudo $*"; fi; }

fail() {
  printf 'npm test cannot start: %s\n' "$1" >&2
  exit 1
}

apt_install() {
  echo "Installing $* from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$@"
}

ensure_chromium() {
  if [ ! -x "$chromium" ] && [ "$chromium" = /usr/bin/chromium ] && can_install; then
    apt_install chromium
  fi
  if [ ! -x "$chromium" ]; then
    fail "the browser journeys need Chromium at $chromium, and it is not there.
Install it with:
  $(as_root apt-get install -y chromium)
or set CHROMIUM_PATH to a Chromium or Chrome binary."
  fi
  "$chromium" --version >/dev/null 2>&1 ||
    fail "$chromium is there but does not run ($chromium --version failed); reinstall it or set CHROMIUM_PATH."
}

# Empty when the server answers, otherwise why not.
mysql_problem() {
  URL="$mysql_url" node --input-type=module -e "
    import mysql from 'mysql2/promise';
    try {
      const connection = await mysql.createConnection({ uri: process.env.URL, connectTimeout: 5000 });
      await connection.query('SELECT 1');
      await connection.end();
    } catch (error) {
      console.log(error.message || error.code || String(error));
    }" 2>&1
}

# Starts this machine's MariaDB and lets root in over TCP without a password, the way the tests
# connect by default; a fresh Debian MariaDB only lets root in through its socket.
start_local_mariadb() {
  local missing=()
  [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v mariadb >/dev/null || missing+=(mariadb-client)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  if ! mariadb-admin ping >/dev/null 2>&1; then
    echo "Starting MariaDB"
    install -d -o mysql -g mysql /run/mysqld
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    for _ in $(seq 60); do
      mariadb-admin ping >/dev/null 2>&1 && break
      sleep 1
    done
  fi
  mariadb -uroot -e "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; CREATE DATABASE IF NOT EXISTS test" ||
    true
}

ensure_mysql() {
  local problem
  problem="$(mysql_problem)"
  [ -z "$problem" ] && return
  if [ "$mysql_url" = "$default_url" ] && can_install; then
    start_local_mariadb
    problem="$(mysql_problem)"
    [ -z "$problem" ] && return
  fi
  fail "the MySQL-family suites need a server at $shown_url, and it answered: $problem
Install and start MariaDB, and let root in over TCP without a password:
  $(as_root apt-get install -y mariadb-server) && $(as_root service mariadb start)
  $(as_root mariadb -e "\"ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; CREATE DATABASE IF NOT EXISTS test\"")
or set SLUICE_TEST_MYSQL_URL=mysql://user:password@host:port/database to a server you have."
}

[ -d node_modules/mysql2 ] || fail "the packages are not installed; run: npm ci"
ensure_chromium
ensure_mysql
