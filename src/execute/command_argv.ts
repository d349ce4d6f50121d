/**
 * GNU make runs a simple command without a shell: when the default shell
 * would add nothing (no quoting, globbing, redirection, variables or
 * builtins), it executes the program itself. That is why a missing
 * program reads `make: foo: No such file or directory` rather than the
 * shell's `foo: not found`, and amake does the same.
 */

/** Shell words that only the shell can run. */
const shellBuiltins = new Set([
  '.',
  ':',
  'alias',
  'bg',
  'break',
  'case',
  'cd',
  'command',
  'continue',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'eval',
  'exec',
  'exit',
  'export',
  'false',
  'fc',
  'fg',
  'fi',
  'for',
  'getopts',
  'hash',
  'if',
  'jobs',
  'kill',
  'login',
  'logout',
  'read',
  'readonly',
  'return',
  'set',
  'shift',
  'test',
  'then',
  'times',
  'trap',
  'true',
  'type',
  'ulimit',
  'umask',
  'unalias',
  'unset',
  'until',
  'wait',
  'while',
  'echo',
  'printf',
  'pwd',
  '[',
]);

const plainCommand = /^[A-Za-z0-9_./+,:%@ \t-]*$/;

/**
 * The argument vector to execute directly, or null when the command needs
 * the shell. Only for the default shell and flags, as in GNU make.
 */
export function directArgv(
  command: string,
  shell: string,
  shellFlags: readonly string[],
): string[] | null {
  if (shell !== '/bin/sh') return null;
  if (shellFlags.length !== 1) return null;
  if (shellFlags[0] !== '-c' && shellFlags[0] !== '-ec') return null;
  if (!plainCommand.test(command)) return null;
  const words = command.split(/[ \t]+/).filter((word) => word !== '');
  if (words.length === 0) return null;
  if (shellBuiltins.has(words[0]!)) return null;
  return words;
}

/** The C library's text for an exec failure. */
export function execErrorText(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
      return 'Permission denied';
    case 'ENOEXEC':
      return 'Exec format error';
    default:
      return code ?? 'unknown error';
  }
}
