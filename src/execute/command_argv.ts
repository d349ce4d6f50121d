/**
 * GNU make runs a simple command without a shell: when the default shell
 * would do nothing a plain exec cannot (no double quotes, globbing,
 * redirection, variables, control operators or builtins), it splits the
 * words itself and executes the program. That is why a missing program
 * reads `make: foo: No such file or directory` rather than the shell's
 * `foo: not found`, and why `echo` is /usr/bin/echo, not the shell's.
 * amake splits commands the same way.
 */

/** Characters that only the shell can interpret. */
const shellCharacters = new Set('#;"*?[]&|<>(){}$`^~!');

/** Words GNU make leaves to the shell as its builtins. */
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
  'eval',
  'exec',
  'exit',
  'export',
  'fc',
  'fg',
  'for',
  'getopts',
  'hash',
  'if',
  'jobs',
  'login',
  'logout',
  'read',
  'readonly',
  'return',
  'set',
  'shift',
  'test',
  'times',
  'trap',
  'type',
  'ulimit',
  'umask',
  'unalias',
  'unset',
  'wait',
  'while',
]);

/**
 * The argument vector to execute directly, an empty one for a blank
 * command, or null when the command needs the shell. Only for the default
 * shell with its default flags, as in GNU make.
 */
export function directArgv(
  command: string,
  shell: string,
  shellFlags: readonly string[],
  /** `.ONESHELL` scripts: a newline separates commands, as `;` does. */
  newlineSeparates = false,
): string[] | null {
  if (shell !== '/bin/sh') return null;
  if (newlineSeparates && /(^|[^\\])\n/.test(command)) return null;
  if (shellFlags.length !== 1) return null;
  if (shellFlags[0] !== '-c' && shellFlags[0] !== '-ec') return null;
  return splitWords(command.replace(/^[ \t]+/, ''));
}

/** Splits a command into words as GNU's construct_command_argv does. */
function splitWords(text: string): string[] | null {
  const words: string[] = [];
  let word = '';
  let inQuote = false;
  let lastWasEmptyQuote = false;
  // An `=` in a leading word makes it an assignment: the shell's business.
  let seenWordWithoutEquals = false;
  let wordHasEquals = false;

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuote) {
      if (c === "'") {
        inQuote = false;
        if (word === '') lastWasEmptyQuote = true;
      } else {
        word += c;
      }
      continue;
    }
    if (shellCharacters.has(c)) return null;
    switch (c) {
      case '=':
        if (!seenWordWithoutEquals) return null;
        wordHasEquals = true;
        word += c;
        break;
      case '\\':
        if (text[i + 1] === '\n') {
          // Backslash-newline disappears, as the shell would remove it.
          i++;
          if (word === '') while (isBlank(text[i + 1])) i++;
        } else if (i + 1 < text.length) {
          word += text[++i];
        }
        break;
      case "'":
        inQuote = true;
        break;
      case ' ':
      case '\t':
        words.push(word);
        word = '';
        lastWasEmptyQuote = false;
        seenWordWithoutEquals ||= !wordHasEquals;
        wordHasEquals = false;
        if (words.length === 1 && shellBuiltins.has(words[0]!)) return null;
        while (isBlank(text[i + 1])) i++;
        break;
      default:
        word += c;
    }
  }
  // An unterminated quote is left to the shell to complain about.
  if (inQuote) return null;
  if (word !== '' || lastWasEmptyQuote) words.push(word);
  if (words.length === 1 && shellBuiltins.has(words[0]!)) return null;
  return words;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
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

/**
 * `sh -c :`: GNU make runs no shell for it. People write `@:` in rules
 * that only mark a time stamp.
 */
export function isNoOp(argv: readonly string[]): boolean {
  if (argv.length !== 3 || argv[2] !== ':') return false;
  if (argv[1] !== '-c' && argv[1] !== '-ec') return false;
  return isBourneShell(argv[0]!);
}

/** sh, bash, dash, ksh, zsh and ash: shells that read commands as sh does. */
export function isBourneShell(shell: string): boolean {
  const program = shell.trim().split(/\s+/)[0] ?? '';
  const name = program.slice(program.lastIndexOf('/') + 1);
  return ['sh', 'bash', 'dash', 'ksh', 'rksh', 'zsh', 'ash'].includes(name);
}

/** The characters that make a command line the shell's business. */
const SHELL_CHARACTERS = '#;"*?[]&|<>(){}$`^~!';

/**
 * SHELL, .SHELLFLAGS and a command as GNU make joins them for an unusual
 * SHELL: SHELL with its shell characters escaped, .SHELLFLAGS as it is,
 * the command with every special character, quote and blank escaped and
 * each backslash-newline kept (doubled, for the second reading).
 */
export function shellCommandLine(
  shell: string,
  shellFlags: string,
  command: string,
): string {
  let line = '';
  for (const c of shell) {
    line += SHELL_CHARACTERS.includes(c) ? `\\${c}` : c;
  }
  line += ` ${shellFlags} `;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === '\\' && command[i + 1] === '\n') {
      line += '\\\\\n';
      i++;
      continue;
    }
    const special =
      c === '\\' ||
      c === "'" ||
      c === '"' ||
      /\s/.test(c) ||
      SHELL_CHARACTERS.includes(c);
    line += special ? `\\${c}` : c;
  }
  return line;
}
