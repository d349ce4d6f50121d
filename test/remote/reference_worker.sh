#!/usr/bin/env bash
# Bazel's reference remote worker (REAPI v2: CAS, ByteStream, action cache,
# execution, capabilities on one gRPC port), built from Debian 12 packages
# so that amake's remote-execution tests have a real server to talk to.
#
#   reference_worker.sh check
#       Exits 0 if the worker can be built here, else names what is missing.
#   reference_worker.sh build DIR
#       Compiles the worker into DIR; does nothing if DIR already holds a
#       build from the same packages and the same version of this script.
#   reference_worker.sh start DIR WORKDIR PORTFILE [WORKER_FLAG...]
#       Starts the worker built in DIR on a free port of 127.0.0.1, with its
#       work and CAS directories and worker.log under WORKDIR; writes the
#       port to PORTFILE once it accepts connections, prints the worker's
#       pid and returns. The worker leads its own process group, so
#       `kill -- -PID` ends it and whatever its actions left behind. Extra
#       flags go to the worker (--jobs=N, --sandboxing, --debug, ...).
#       If REFERENCE_WORKER_PARENT_PID is set, the worker is killed when
#       that process is gone, so a crashed test run leaks no JVM.
#
# Needs: bazel-bootstrap-source, bazel-bootstrap-data, a JDK (javac, java:
# default-jdk-headless) and flock (util-linux). bazel-bootstrap is optional:
# its linux-sandbox makes the worker's --sandboxing flag work.
set -euo pipefail

SOURCE=/usr/src/bazel-bootstrap/src/tools/remote/src/main/java
WORKER=com/google/devtools/build/remote/worker
JAR=/usr/share/bazel/A-server.jar
MAIN=com.google.devtools.build.remote.worker.RemoteWorker
# The worker is a test fixture: a small heap and a quick-starting JIT do.
JAVA_OPTS='-Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1'
JAVA_OPTS=${REFERENCE_WORKER_JAVA_OPTS:-$JAVA_OPTS}
START_TIMEOUT=${REFERENCE_WORKER_START_TIMEOUT:-60}

die() {
  echo "reference_worker.sh: $*" >&2
  exit 1
}

usage() {
  die "usage: $0 check | build DIR | start DIR WORKDIR PORTFILE [FLAG...]"
}

# The version of an installed Debian package, or nothing.
version_of() {
  dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true
}

# The linux-sandbox binary from bazel-bootstrap, or nothing.
linux_sandbox() {
  local found
  for found in /usr/libexec/*/bazel/linux-sandbox; do
    [[ -x $found ]] && echo "$found" && return
  done
  return 0
}

# Fail with the name of the first package that is missing.
check() {
  [[ -f $SOURCE/$WORKER/RemoteWorker.java ]] ||
    die "missing $SOURCE: apt-get install bazel-bootstrap-source"
  [[ -f $JAR ]] ||
    die "missing $JAR: apt-get install bazel-bootstrap-data"
  if ! command -v javac >/dev/null || ! command -v java >/dev/null; then
    die "no javac or java: apt-get install default-jdk-headless"
  fi
  command -v flock >/dev/null ||
    die "no flock: apt-get install util-linux"
  # The worker's sources are compiled against classes in the jar: both
  # must come from the same Bazel.
  local source data
  source=$(version_of bazel-bootstrap-source)
  data=$(version_of bazel-bootstrap-data)
  [[ $source == "$data" ]] ||
    die "bazel-bootstrap-source $source and bazel-bootstrap-data $data" \
      "differ: install the same version of both"
}

# What a build is made from; a build whose stamp matches is reused.
stamp() {
  echo "bazel-bootstrap-source $(version_of bazel-bootstrap-source)"
  echo "bazel-bootstrap-data $(version_of bazel-bootstrap-data)"
  echo "bazel-bootstrap $(version_of bazel-bootstrap)"
  javac -version 2>&1
  echo "script $(sha256sum <"${BASH_SOURCE[0]}" | cut -d' ' -f1)"
}

build() {
  local dir=$1
  check
  mkdir -p "$dir"
  # Test files run in parallel processes: one builds, the others wait.
  exec 9>"$dir/.lock"
  flock 9
  if [[ -f $dir/stamp && $(cat "$dir/stamp") == "$(stamp)" ]]; then
    return
  fi
  rm -rf "$dir/src" "$dir/classes" "$dir/stamp"
  cp -r "$SOURCE" "$dir/src"

  # Two changes to the worker, checked so that a new package version that
  # moved the lines fails here rather than listening on every interface:
  # it binds 127.0.0.1 only (upstream binds the wildcard address), and it
  # logs the port it got, so that --listen_port=0 lets the kernel pick a
  # free one.
  local main=$dir/src/$WORKER/RemoteWorker.java
  local bind='NettyServerBuilder.forAddress(new java.net.InetSocketAddress('
  bind+='"127.0.0.1", workerOptions.listenPort))'
  local say='logger.atInfo().log("amake: listening on 127.0.0.1:%d",'
  say+=' server.getPort());'
  sed -i -e "s|NettyServerBuilder.forPort(workerOptions.listenPort)|$bind|" \
    -e "s|^    server.start();\$|&\n    $say|" "$main"
  if ! grep -q 'InetSocketAddress("127.0.0.1"' "$main" ||
    ! grep -q 'amake: listening on' "$main"; then
    die "cannot patch $main: the worker's source changed"
  fi

  # Everything the worker imports (Bazel's own classes, gRPC, Netty,
  # protobuf, Guava, Flogger, the REAPI stubs) is inside the server jar.
  find "$dir/src" -name '*.java' >"$dir/sources.txt"
  javac -nowarn -encoding UTF-8 -cp "$JAR" -d "$dir/classes" \
    @"$dir/sources.txt" 2>"$dir/javac.log" ||
    die "javac failed: see $dir/javac.log"

  # --sandboxing looks for linux-sandbox among the worker's resources.
  local sandbox
  sandbox=$(linux_sandbox)
  if [[ -n $sandbox ]]; then
    mkdir -p "$dir/classes/main/tools"
    cp "$sandbox" "$dir/classes/main/tools/linux-sandbox"
  fi
  stamp >"$dir/stamp"
}

start() {
  local dir=$1 workdir=$2 portfile=$3
  shift 3
  [[ -f $dir/stamp ]] || die "no worker built in $dir: run build first"
  mkdir -p "$workdir/work" "$workdir/cas"
  rm -f "$portfile"
  local log=$workdir/worker.log

  # setsid: the worker leads its own process group, so one signal reaches
  # it and any process an action left behind. Port 0: the kernel picks.
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of words
  setsid java $JAVA_OPTS -cp "$dir/classes:$JAR" "$MAIN" \
    --work_path="$workdir/work" --cas_path="$workdir/cas" \
    --listen_port=0 "$@" </dev/null >"$log" 2>&1 &
  local pid=$!

  # Kill the worker once the process that asked for it is gone.
  local parent=${REFERENCE_WORKER_PARENT_PID:-}
  if [[ -n $parent ]]; then
    (
      while kill -0 "$parent" && kill -0 "$pid"; do sleep 1; done
      kill -KILL -- "-$pid"
    ) </dev/null >/dev/null 2>&1 &
  fi

  # Wait for the port in the log, then for the port to take a connection.
  local port='' waited=0
  while [[ -z $port ]]; do
    kill -0 "$pid" 2>/dev/null ||
      die "worker exited before listening: $(tail -n 5 "$log")"
    ((waited++ < START_TIMEOUT * 10)) || {
      kill -KILL -- "-$pid" 2>/dev/null || true
      die "worker not listening after ${START_TIMEOUT}s: see $log"
    }
    sleep 0.1
    port=$(sed -n 's/.*amake: listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' \
      "$log")
  done
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || die "worker exited: $(tail -n 5 "$log")"
    sleep 0.1
  done

  # Written whole, so that a reader never sees half a number.
  echo "$port" >"$portfile.tmp"
  mv "$portfile.tmp" "$portfile"
  echo "$pid"
}

case ${1:-} in
  check) [[ $# -eq 1 ]] || usage; check ;;
  build) [[ $# -eq 2 ]] || usage; build "$2" ;;
  start) [[ $# -ge 4 ]] || usage; shift; start "$@" ;;
  *) usage ;;
esac
