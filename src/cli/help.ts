/** The text of `--help`, in GNU make's words, with amake's additions. */
export function usage(program: string): string {
  const name = program.replace(/\[\d+\]$/, '');
  return `Usage: ${name} [options] [target] ...
Options:
  -b, -m                      Ignored for compatibility.
  -B, --always-make           Unconditionally make all targets.
  -C DIRECTORY, --directory=DIRECTORY
                              Change to DIRECTORY before doing anything.
  -d                          Print lots of debugging information.
  --debug[=FLAGS]             Print various types of debugging information.
  -e, --environment-overrides
                              Environment variables override makefiles.
  -E STRING, --eval=STRING    Evaluate STRING as a makefile statement.
  -f FILE, --file=FILE, --makefile=FILE
                              Read FILE as a makefile.
  -h, --help                  Print this message and exit.
  -i, --ignore-errors         Ignore errors from recipes.
  -I DIRECTORY, --include-dir=DIRECTORY
                              Search DIRECTORY for included makefiles.
  -j [N], --jobs[=N]          Allow N jobs at once; infinite jobs with no arg.
  -k, --keep-going            Keep going when some targets can't be made.
  -l [N], --load-average[=N], --max-load[=N]
                              Don't start multiple jobs unless load is below N.
  -L, --check-symlink-times   Use the latest mtime between symlinks and target.
  -n, --just-print, --dry-run, --recon
                              Don't actually run any recipe; just print them.
  -o FILE, --old-file=FILE, --assume-old=FILE
                              Consider FILE to be very old and don't remake it.
  -O[TYPE], --output-sync[=TYPE]
                              Synchronize output of parallel jobs by TYPE.
  -p, --print-data-base       Print make's internal database.
  -q, --question              Run no recipe; exit status says if up to date.
  -r, --no-builtin-rules      Disable the built-in implicit rules.
  -R, --no-builtin-variables  Disable the built-in variable settings.
  -s, --silent, --quiet       Don't echo recipes.
  --no-silent                 Echo recipes (disable --silent mode).
  -S, --no-keep-going, --stop
                              Turns off -k.
  -t, --touch                 Touch targets instead of remaking them.
  --trace                     Print tracing information.
  -v, --version               Print the version number of make and exit.
  -w, --print-directory       Print the current directory.
  --no-print-directory        Turn off -w, even if it was turned on implicitly.
  -W FILE, --what-if=FILE, --new-file=FILE, --assume-new=FILE
                              Consider FILE to be infinitely new.
  --warn-undefined-variables  Warn when an undefined variable is referenced.

amake's own options:
  --no-status                 No progress line on a terminal.
  --job-timeout=SECONDS       Stop a job that runs longer, and fail it.
  --jobserver-style=STYLE     Serve sub-makes a "pipe" (GNU 4.3) or a "fifo" (4.4).

Remote execution (a REAPI v2 cluster runs the jobs):
  --remote-executor=grpc://HOST:PORT
                              Run jobs there (grpcs:// for TLS); also read
                              from AMAKE_REMOTE_EXECUTOR.
  --remote-instance-name=NAME The server's instance name.
  --remote-header=NAME=VALUE  Send this header with every call (tokens).
  --remote-tls-ca=FILE        Trust the server's certificate from FILE.
  --remote-tls-cert=FILE      Present this client certificate;
  --remote-tls-key=FILE       with this key.
  --remote-platform=NAME=VALUE
                              A platform property the workers must have.
  --remote-jobs=N             At most N jobs remotely at once (-j still
                              bounds all jobs).
  --remote-no-cache           Neither take results from the action cache
                              nor store them there.
  --remote-fallback           Run jobs here, with a warning, when the
                              server cannot be reached.
  --remote-input=DIR          Send DIR too, besides the workspace.
  --remote-env=NAME           Send amake's environment variable NAME (none
                              is sent otherwise; PATH is the workers').

amake: a GNU make compatible build accelerator.
`;
}

/** amake's own version. */
export const AMAKE_VERSION = '0.1.0';

export function versionText(): string {
  // Tools recognise a GNU make by this first line (GNU make's own test
  // suite refuses any other), so amake keeps it and names itself after.
  return `GNU Make 4.3 (compatible: amake ${AMAKE_VERSION})
amake, a GNU make compatible build tool. Recipes run through the shell,
locally or on a REAPI v2 cluster (--remote-executor).
`;
}
