# Sourced by ./gridfleet, scripts/with-jdk21 and .ci/run: finds a JDK 21 or newer.
# The default java on our machines is 17; a newer JDK lives under /usr/lib/jvm.

# Major version of the java binary $1 (8 for 1.8.x), or 0 when it does not run.
gridfleet_java_major() {
  local version
  version=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  case "$version" in
    1.*) echo "${version#1.}" | cut -d. -f1 ;;
    "") echo 0 ;;
    *) echo "$version" | cut -d. -f1 | cut -d- -f1 ;;
  esac
}

# Prints the home of a JDK 21+: JAVA_HOME if it is one, else the newest under /usr/lib/jvm, else the java on PATH.
gridfleet_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(gridfleet_java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(gridfleet_java_major "$dir/bin/java")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  if command -v javac >/dev/null 2>&1 && [ "$(gridfleet_java_major java)" -ge 21 ]; then
    dirname "$(dirname "$(readlink -f "$(command -v javac)")")"; return 0
  fi
  echo "gridfleet needs a JDK 21 or newer, and found none: not in JAVA_HOME (${JAVA_HOME:-unset}), not under /usr/lib/jvm, not on PATH." >&2
  echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}
