/**
 * Recognising variable assignments in a makefile line, before anything is
 * expanded: GNU make decides whether a line assigns a variable by looking
 * for an operator outside of variable references.
 */

export type AssignmentOperator = '=' | ':=' | '::=' | '?=' | '+=' | '!=';

export interface Assignment {
  /** The unexpanded variable name, trimmed. */
  readonly name: string;
  readonly operator: AssignmentOperator;
  /** The unexpanded value, leading white space removed. */
  readonly value: string;
}

export interface Modifiers {
  export: boolean;
  unexport: boolean;
  override: boolean;
  private: boolean;
  define: boolean;
  undefine: boolean;
}

export function noModifiers(): Modifiers {
  return {
    export: false,
    unexport: false,
    override: false,
    private: false,
    define: false,
    undefine: false,
  };
}

/**
 * Finds the assignment operator of `text`, or returns null when the text is
 * no assignment. A blank before anything but an operator means no
 * assignment (`a b = c` is a rule), and `:` not followed by `=` or `:=`
 * means a rule.
 */
export function parseAssignment(text: string): Assignment | null {
  let i = skipBlanks(text, 0);
  const nameStart = i;
  let nameEnd = -1;
  while (i < text.length) {
    const c = text[i++]!;
    if (c === '#') return null;
    // After a blank only an operator may follow: `define $(x) =` is no
    // variable named "define $(x)".
    if (nameEnd >= 0 && c === '$') return null;
    if (c === '$') {
      i = skipReference(text, i);
      if (i < 0) return null;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (nameEnd < 0) nameEnd = i - 1;
      i = skipBlanks(text, i);
      continue;
    }
    if (c === '=') {
      return finish(text, nameStart, nameEnd < 0 ? i - 1 : nameEnd, '=', i);
    }
    if (c === ':') {
      const end = nameEnd < 0 ? i - 1 : nameEnd;
      if (text[i] === '=') return finish(text, nameStart, end, ':=', i + 1);
      if (text[i] === ':' && text[i + 1] === '=') {
        return finish(text, nameStart, end, '::=', i + 2);
      }
      return null;
    }
    if (text[i] === '=' && (c === '+' || c === '?' || c === '!')) {
      const end = nameEnd < 0 ? i - 1 : nameEnd;
      return finish(text, nameStart, end, `${c}=` as AssignmentOperator, i + 1);
    }
    if (nameEnd >= 0) return null;
  }
  return null;
}

function finish(
  text: string,
  nameStart: number,
  nameEnd: number,
  operator: AssignmentOperator,
  valueStart: number,
): Assignment {
  return {
    name: text.slice(nameStart, nameEnd),
    operator,
    value: text.slice(skipBlanks(text, valueStart)),
  };
}

/**
 * Skips a variable reference whose `$` has been read; returns the index
 * after it, or -1 at a `$` that ends the text.
 */
function skipReference(text: string, i: number): number {
  const opener = text[i];
  if (opener === undefined) return -1;
  if (opener !== '(' && opener !== '{') return i + 1;
  const closer = opener === '(' ? ')' : '}';
  let depth = 1;
  for (i++; i < text.length; i++) {
    if (text[i] === closer && --depth === 0) return i + 1;
    if (text[i] === opener) depth++;
  }
  return i;
}

export function skipBlanks(text: string, i: number): number {
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** The words parseModifiedAssignment reads in front of an assignment. */
const modifierWords = new Set([
  'export',
  'override',
  'private',
  'define',
  'undefine',
]);

/**
 * Reads the modifiers in front of an assignment (`export`, `override`,
 * `private`, and at top level `define` and `undefine`; not `unexport`,
 * which GNU make reads as its directive). Returns
 * the assignment text after them, or null when the line is no assignment.
 * After `define` or `undefine` no more modifiers are read, and the rest of
 * the line is returned as is.
 */
export function parseModifiedAssignment(
  text: string,
  inTargetContext: boolean,
  modifiers: Modifiers,
): { rest: string; assignment: Assignment | null } | null {
  let rest = text.slice(skipBlanks(text, 0));
  if (rest === '') return null;
  for (;;) {
    const assignment = parseAssignment(rest);
    if (assignment) return { rest, assignment };
    let wordEnd = 0;
    while (
      wordEnd < rest.length &&
      rest[wordEnd] !== ' ' &&
      rest[wordEnd] !== '\t'
    ) {
      wordEnd++;
    }
    const word = rest.slice(0, wordEnd);
    // Most lines that are no assignment are rules: no modifier starts them.
    if (!modifierWords.has(word)) return null;
    const after = rest.slice(skipBlanks(rest, wordEnd));
    switch (word) {
      case 'export':
        modifiers.export = true;
        break;
      case 'override':
        modifiers.override = true;
        break;
      case 'private':
        modifiers.private = true;
        break;
      case 'define':
      case 'undefine':
        if (inTargetContext) return null;
        modifiers[word] = true;
        return { rest: after, assignment: null };
      default:
        return null;
    }
    rest = after;
    if (rest === '') return null;
  }
}
