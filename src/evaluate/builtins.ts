import { Location } from '../parse/location';
import { ExplicitRule, PatternRule, Prerequisite, Recipe } from './database';
import { MakeState } from './state';
import { words } from './text';

// GNU make 4.3's built-in catalogue, as `make -p -f /dev/null` prints it.
// The tables were taken from that output once and are kept here as data;
// nothing asks make for them at run time.

/** The default suffix list, as GNU make 4.3 has it. */
export const defaultSuffixes =
  '.out .a .ln .o .c .cc .C .cpp .p .f .F .m .r .y .l .ym .yl .s .S .mod ' +
  '.sym .def .h .info .dvi .tex .texinfo .texi .txinfo .w .ch .web .sh ' +
  '.elc .el';

/**
 * The built-in variables, all recursive and of origin `default`. `-R`
 * leaves them out. (MAKE, SHELL, .FEATURES and the other variables that
 * `-R` keeps are defined with the startup variables.)
 */
export const builtinVariables: readonly (readonly [string, string])[] = [
  ['.LIBPATTERNS', 'lib%.so lib%.a'],
  ['AR', 'ar'],
  ['ARFLAGS', 'rv'],
  ['AS', 'as'],
  ['CC', 'cc'],
  ['CHECKOUT,v', '+$(if $(wildcard $@),,$(CO) $(COFLAGS) $< $@)'],
  ['CO', 'co'],
  ['COFLAGS', ''],
  ['COMPILE.C', '$(COMPILE.cc)'],
  ['COMPILE.F', '$(FC) $(FFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -c'],
  ['COMPILE.S', '$(CC) $(ASFLAGS) $(CPPFLAGS) $(TARGET_MACH) -c'],
  ['COMPILE.c', '$(CC) $(CFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -c'],
  ['COMPILE.cc', '$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -c'],
  ['COMPILE.cpp', '$(COMPILE.cc)'],
  ['COMPILE.def', '$(M2C) $(M2FLAGS) $(DEFFLAGS) $(TARGET_ARCH)'],
  ['COMPILE.f', '$(FC) $(FFLAGS) $(TARGET_ARCH) -c'],
  ['COMPILE.m', '$(OBJC) $(OBJCFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -c'],
  ['COMPILE.mod', '$(M2C) $(M2FLAGS) $(MODFLAGS) $(TARGET_ARCH)'],
  ['COMPILE.p', '$(PC) $(PFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -c'],
  ['COMPILE.r', '$(FC) $(FFLAGS) $(RFLAGS) $(TARGET_ARCH) -c'],
  ['COMPILE.s', '$(AS) $(ASFLAGS) $(TARGET_MACH)'],
  ['CPP', '$(CC) -E'],
  ['CTANGLE', 'ctangle'],
  ['CWEAVE', 'cweave'],
  ['CXX', 'g++'],
  ['F77', '$(FC)'],
  ['F77FLAGS', '$(FFLAGS)'],
  ['FC', 'f77'],
  ['GET', 'get'],
  ['LD', 'ld'],
  ['LEX', 'lex'],
  ['LEX.l', '$(LEX) $(LFLAGS) -t'],
  ['LEX.m', '$(LEX) $(LFLAGS) -t'],
  ['LINK.C', '$(LINK.cc)'],
  ['LINK.F', '$(FC) $(FFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_ARCH)'],
  ['LINK.S', '$(CC) $(ASFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_MACH)'],
  ['LINK.c', '$(CC) $(CFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_ARCH)'],
  ['LINK.cc', '$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_ARCH)'],
  ['LINK.cpp', '$(LINK.cc)'],
  ['LINK.f', '$(FC) $(FFLAGS) $(LDFLAGS) $(TARGET_ARCH)'],
  ['LINK.m', '$(OBJC) $(OBJCFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_ARCH)'],
  ['LINK.o', '$(CC) $(LDFLAGS) $(TARGET_ARCH)'],
  ['LINK.p', '$(PC) $(PFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_ARCH)'],
  ['LINK.r', '$(FC) $(FFLAGS) $(RFLAGS) $(LDFLAGS) $(TARGET_ARCH)'],
  ['LINK.s', '$(CC) $(ASFLAGS) $(LDFLAGS) $(TARGET_MACH)'],
  ['LINT', 'lint'],
  ['LINT.c', '$(LINT) $(LINTFLAGS) $(CPPFLAGS) $(TARGET_ARCH)'],
  ['M2C', 'm2c'],
  ['MAKEINFO', 'makeinfo'],
  ['OBJC', 'cc'],
  ['OUTPUT_OPTION', '-o $@'],
  ['PC', 'pc'],
  ['PREPROCESS.F', '$(FC) $(FFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -F'],
  ['PREPROCESS.S', '$(CC) -E $(CPPFLAGS)'],
  ['PREPROCESS.r', '$(FC) $(FFLAGS) $(RFLAGS) $(TARGET_ARCH) -F'],
  ['RM', 'rm -f'],
  ['TANGLE', 'tangle'],
  ['TEX', 'tex'],
  ['TEXI2DVI', 'texi2dvi'],
  ['WEAVE', 'weave'],
  ['YACC', 'yacc'],
  ['YACC.m', '$(YACC) $(YFLAGS)'],
  ['YACC.y', '$(YACC) $(YFLAGS)'],
];

/**
 * The built-in suffix rules: `.c.o` and the like, with their recipes. A
 * recipe's lines are separated by newlines, as GNU keeps them. They become
 * pattern rules only for suffixes that `.SUFFIXES` lists when the makefiles
 * have been read.
 */
export const builtinSuffixRules: readonly (readonly [string, string])[] = [
  ['.o', '$(LINK.o) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.s', '$(LINK.s) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.S', '$(LINK.S) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.c', '$(LINK.c) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.cc', '$(LINK.cc) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.C', '$(LINK.C) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.cpp', '$(LINK.cpp) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.f', '$(LINK.f) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.m', '$(LINK.m) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.p', '$(LINK.p) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.F', '$(LINK.F) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.r', '$(LINK.r) $^ $(LOADLIBES) $(LDLIBS) -o $@'],
  ['.mod', '$(COMPILE.mod) -o $@ -e $@ $^'],
  ['.def.sym', '$(COMPILE.def) -o $@ $<'],
  ['.sh', 'cat $< >$@ \n chmod a+x $@'],
  ['.s.o', '$(COMPILE.s) -o $@ $<'],
  ['.S.o', '$(COMPILE.S) -o $@ $<'],
  ['.c.o', '$(COMPILE.c) $(OUTPUT_OPTION) $<'],
  ['.cc.o', '$(COMPILE.cc) $(OUTPUT_OPTION) $<'],
  ['.C.o', '$(COMPILE.C) $(OUTPUT_OPTION) $<'],
  ['.cpp.o', '$(COMPILE.cpp) $(OUTPUT_OPTION) $<'],
  ['.f.o', '$(COMPILE.f) $(OUTPUT_OPTION) $<'],
  ['.m.o', '$(COMPILE.m) $(OUTPUT_OPTION) $<'],
  ['.p.o', '$(COMPILE.p) $(OUTPUT_OPTION) $<'],
  ['.F.o', '$(COMPILE.F) $(OUTPUT_OPTION) $<'],
  ['.r.o', '$(COMPILE.r) $(OUTPUT_OPTION) $<'],
  ['.mod.o', '$(COMPILE.mod) -o $@ $<'],
  ['.c.ln', '$(LINT.c) -C$* $<'],
  ['.y.ln', '$(YACC.y) $< \n $(LINT.c) -C$* y.tab.c \n $(RM) y.tab.c'],
  [
    '.l.ln',
    '@$(RM) $*.c\n $(LEX.l) $< > $*.c\n$(LINT.c) -i $*.c -o $@\n $(RM) $*.c',
  ],
  ['.y.c', '$(YACC.y) $< \n mv -f y.tab.c $@'],
  ['.l.c', '@$(RM) $@ \n $(LEX.l) $< > $@'],
  ['.ym.m', '$(YACC.m) $< \n mv -f y.tab.c $@'],
  ['.lm.m', '@$(RM) $@ \n $(LEX.m) $< > $@'],
  ['.F.f', '$(PREPROCESS.F) $(OUTPUT_OPTION) $<'],
  ['.r.f', '$(PREPROCESS.r) $(OUTPUT_OPTION) $<'],
  ['.l.r', '$(LEX.l) $< > $@ \n mv -f lex.yy.r $@'],
  ['.S.s', '$(PREPROCESS.S) $< > $@'],
  ['.texinfo.info', '$(MAKEINFO) $(MAKEINFO_FLAGS) $< -o $@'],
  ['.texi.info', '$(MAKEINFO) $(MAKEINFO_FLAGS) $< -o $@'],
  ['.txinfo.info', '$(MAKEINFO) $(MAKEINFO_FLAGS) $< -o $@'],
  ['.tex.dvi', '$(TEX) $<'],
  ['.texinfo.dvi', '$(TEXI2DVI) $(TEXI2DVI_FLAGS) $<'],
  ['.texi.dvi', '$(TEXI2DVI) $(TEXI2DVI_FLAGS) $<'],
  ['.txinfo.dvi', '$(TEXI2DVI) $(TEXI2DVI_FLAGS) $<'],
  ['.w.c', '$(CTANGLE) $< - $@'],
  ['.web.p', '$(TANGLE) $<'],
  ['.w.tex', '$(CWEAVE) $< - $@'],
  ['.web.tex', '$(WEAVE) $<'],
];

/** A built-in pattern rule as data: target, prerequisites, recipe. */
interface BuiltinPattern {
  readonly target: string;
  readonly prerequisites: string;
  readonly recipe: string;
}

/** The real pattern rules, installed after the converted suffix rules. */
export const builtinPatternRules: readonly BuiltinPattern[] = [
  { target: '(%)', prerequisites: '%', recipe: '$(AR) $(ARFLAGS) $@ $<' },
  { target: '%.out', prerequisites: '%', recipe: '@rm -f $@ \n cp $< $@' },
  { target: '%.c', prerequisites: '%.w %.ch', recipe: '$(CTANGLE) $^ $@' },
  { target: '%.tex', prerequisites: '%.w %.ch', recipe: '$(CWEAVE) $^ $@' },
];

/** The terminal (`::`) match-anything rules for RCS and SCCS files. */
export const builtinTerminalRules: readonly BuiltinPattern[] = [
  { target: '%', prerequisites: '%,v', recipe: '$(CHECKOUT,v)' },
  { target: '%', prerequisites: 'RCS/%,v', recipe: '$(CHECKOUT,v)' },
  { target: '%', prerequisites: 'RCS/%', recipe: '$(CHECKOUT,v)' },
  {
    target: '%',
    prerequisites: 's.%',
    recipe: '$(GET) $(GFLAGS) $(SCCS_OUTPUT_OPTION) $<',
  },
  {
    target: '%',
    prerequisites: 'SCCS/s.%',
    recipe: '$(GET) $(GFLAGS) $(SCCS_OUTPUT_OPTION) $<',
  },
];

/** Where GNU says a built-in recipe comes from: `[<builtin>: foo.o]`. */
export const builtinLocation: Location = { file: '<builtin>', line: 0 };

/** What defineBuiltins set up for a state, for installImplicitRules. */
interface BuiltinRecord {
  /** The built-in suffix rules were installed (no -r at startup). */
  readonly suffixRules: boolean;
  /** The rule giving `.SUFFIXES` the default list, while still in place. */
  readonly suffixListRule: ExplicitRule | null;
  /** The built-in variables were defined (no -R at startup). */
  readonly variables: boolean;
  /** installImplicitRules has run. */
  installed: boolean;
}

const records = new WeakMap<MakeState, BuiltinRecord>();

/**
 * Defines GNU make's built-in variables (unless -R) and the default suffix
 * list (unless -r or -R), before any makefile is read. The built-in rules
 * themselves are put in place by installImplicitRules, once the makefiles
 * have been read, so that the makefiles' own rules come first.
 */
export function defineBuiltins(
  state: MakeState,
  options: { noBuiltinRules: boolean; noBuiltinVariables: boolean },
): void {
  // -R implies -r, as in GNU make.
  const noRules = options.noBuiltinRules || options.noBuiltinVariables;

  // The suffix list is the prerequisites of .SUFFIXES; a makefile's
  // `.SUFFIXES:` with no prerequisites clears it.
  const suffixes = state.database.enter('.SUFFIXES');
  let suffixListRule: ExplicitRule | null = null;
  if (!noRules) {
    suffixListRule = {
      prerequisites: words(defaultSuffixes).map((name) => ({
        name,
        orderOnly: false,
      })),
      recipe: null,
      doubleColon: false,
      stem: null,
      group: null,
    };
    suffixes.rules.push(suffixListRule);
  }
  state.define(
    'SUFFIXES',
    noRules ? '' : defaultSuffixes,
    'simple',
    'default',
    null,
  );

  if (!options.noBuiltinVariables) {
    for (const [name, value] of builtinVariables) {
      state.define(name, value, 'recursive', 'default', null);
    }
  } else if (state.globals.get('.LIBPATTERNS')?.origin === 'default') {
    // GNU counts .LIBPATTERNS among the built-in variables.
    state.globals.delete('.LIBPATTERNS');
  }

  records.set(state, {
    suffixRules: !noRules,
    suffixListRule,
    variables: !options.noBuiltinVariables,
    installed: false,
  });
}

/**
 * Completes the pattern rule list once every makefile has been read, as
 * GNU's convert_to_pattern and install_default_implicit_rules do: the
 * makefiles' pattern rules first, then the suffix rules (theirs and the
 * built-in ones) converted for the suffixes `.SUFFIXES` lists, then the
 * built-in pattern rules. A rule identical to one already there (same
 * targets, same prerequisites) is dropped, so a makefile's `%.o: %.c`,
 * with or without a recipe, replaces the built-in one.
 *
 * `-r` or `-R` added to MAKEFLAGS by a makefile take effect here, as GNU
 * re-reads MAKEFLAGS after reading the makefiles. Running it again for the
 * same state does nothing.
 */
export function installImplicitRules(state: MakeState): void {
  const record = records.get(state) ?? {
    suffixRules: false,
    suffixListRule: null,
    variables: false,
    installed: false,
  };
  if (record.installed) return;
  record.installed = true;
  records.set(state, record);

  // Switches a makefile added to MAKEFLAGS.
  const late = builtinSwitches(state.value('MAKEFLAGS'));
  // A late -R, unlike one on the command line, leaves the rules alone.
  const noRules =
    state.settings.noBuiltinRules ||
    state.settings.noBuiltinVariables ||
    late.noBuiltinRules;
  if (noRules && record.suffixListRule) dropDefaultSuffixes(state, record);
  if (late.noBuiltinVariables && record.variables) {
    undefineBuiltinVariables(state);
  }

  // The makefiles' own pattern rules; a later identical one replaces an
  // earlier one and takes its place at the end.
  const database = state.database;
  const converted = suffixRuleRecipes(state);
  const own = database.patternRules.filter(
    (rule) => !wasConvertedElsewhere(rule, converted),
  );
  const rules: PatternRule[] = [];
  for (const rule of own) addPatternRule(rules, rule, true);

  // Suffix rules, in the order of the suffix list.
  const suffixes = suffixList(state);
  const recipeOf = (name: string): Recipe | null => {
    const own = converted.get(name);
    if (own) {
      const node = database.file(name)!;
      if (node.rules.some((rule) => rule.prerequisites.length > 0)) {
        // POSIX makes it an ordinary rule; GNU 4.3 warns and uses it.
        if (state.posix) return null;
        // Once for each time the pair is met: `.out` can be listed twice.
        state.diagnostics.warning(
          own.location,
          'warning: ignoring prerequisites on suffix rule definition',
        );
      }
      return own;
    }
    if (!record.suffixRules) return null;
    const builtin = builtinSuffixRecipes.get(name);
    return builtin ?? null;
  };
  for (const source of suffixes) {
    addPatternRule(rules, suffixRule(`%${source}`, null, null), false);
    const single = recipeOf(source);
    if (single) {
      addPatternRule(rules, suffixRule('%', `%${source}`, single), false);
    }
    for (const target of suffixes) {
      if (target === source) continue;
      const recipe = recipeOf(source + target);
      if (!recipe) continue;
      // `.X.a` also makes members of archives: `(%.o): %.X`.
      if (target === '.a') {
        addPatternRule(rules, suffixRule('(%.o)', `%${source}`, recipe), false);
      }
      addPatternRule(
        rules,
        suffixRule(`%${target}`, `%${source}`, recipe),
        false,
      );
    }
  }

  // The built-in pattern rules last, so that every other rule wins.
  if (!noRules) {
    for (const rule of builtinPatternRuleList)
      addPatternRule(rules, rule, false);
  }
  database.patternRules.splice(0, database.patternRules.length, ...rules);
}

/** The suffixes `.SUFFIXES` lists now, in order. */
export function suffixList(state: MakeState): string[] {
  const node = state.database.file('.SUFFIXES');
  if (!node) return [];
  return node.rules.flatMap((rule) => rule.prerequisites).map((p) => p.name);
}

/**
 * A late -r removes the default suffixes, unless a makefile has written a
 * `.SUFFIXES` rule of its own: GNU then leaves the whole list alone.
 */
function dropDefaultSuffixes(state: MakeState, record: BuiltinRecord): void {
  const node = state.database.file('.SUFFIXES');
  const untouched =
    node?.rules.length === 1 &&
    node.rules[0] === record.suffixListRule &&
    node.rules[0].prerequisites.length === words(defaultSuffixes).length;
  if (node && untouched) node.rules.length = 0;
  const variable = state.globals.get('SUFFIXES');
  if (variable?.origin === 'default') variable.value = '';
}

/** A late -R undefines the built-in variables nothing has replaced. */
function undefineBuiltinVariables(state: MakeState): void {
  for (const [name] of builtinVariables) {
    if (state.globals.get(name)?.origin === 'default') {
      state.globals.delete(name);
    }
  }
}

/**
 * Reads -r and -R from a MAKEFLAGS value: a first word without a dash is a
 * group of letters, later words are options; `--` ends them.
 */
export function builtinSwitches(makeflags: string): {
  noBuiltinRules: boolean;
  noBuiltinVariables: boolean;
} {
  const found = { noBuiltinRules: false, noBuiltinVariables: false };
  // Letters whose option takes an argument end a group of letters.
  const takesArgument = new Set(['C', 'E', 'f', 'I', 'j', 'l', 'o', 'O', 'W']);
  const list = words(makeflags);
  const end = list.indexOf('--');
  for (const [index, word] of list
    .slice(0, end < 0 ? undefined : end)
    .entries()) {
    if (word === '--no-builtin-rules') found.noBuiltinRules = true;
    if (word === '--no-builtin-variables') found.noBuiltinVariables = true;
    if (word.startsWith('--') || word.includes('=')) continue;
    if (!word.startsWith('-') && index > 0) continue;
    for (const letter of word.replace(/^-/, '')) {
      if (letter === 'r') found.noBuiltinRules = true;
      if (letter === 'R') found.noBuiltinVariables = true;
      if (takesArgument.has(letter)) break;
    }
  }
  return found;
}

/**
 * The recipes of the makefiles' own suffix rules: targets such as `.c.o`
 * or `.c` with a recipe. Their prerequisites do not matter: GNU ignores
 * them, with a warning, when it reads such a rule.
 */
function suffixRuleRecipes(state: MakeState): Map<string, Recipe> {
  const recipes = new Map<string, Recipe>();
  for (const node of state.database.files.values()) {
    if (!node.name.startsWith('.')) continue;
    const rule = node.rules.find((r) => r.recipe !== null);
    if (rule?.recipe) recipes.set(node.name, rule.recipe);
  }
  return recipes;
}

/**
 * True for a pattern rule that another pass already made from a suffix
 * rule: it is made again here, in GNU's order.
 */
function wasConvertedElsewhere(
  rule: PatternRule,
  suffixRecipes: Map<string, Recipe>,
): boolean {
  if (rule.builtin || rule.recipe === null) return false;
  if (rule.prerequisites.length !== 1 || rule.targets.length !== 1) {
    return false;
  }
  const source = rule.prerequisites[0]!.name;
  const target = rule.targets[0]!;
  if (
    !source.startsWith('%.') ||
    !(target === '%' || target.startsWith('%.'))
  ) {
    return false;
  }
  const name = source.slice(1) + target.slice(1);
  return suffixRecipes.get(name) === rule.recipe;
}

/** A rule made from a suffix rule (or the bare suffix, with no recipe). */
function suffixRule(
  target: string,
  source: string | null,
  recipe: Recipe | null,
): PatternRule {
  const builtin = recipe !== null && recipe.location === builtinLocation;
  return {
    targets: [target],
    prerequisites: source === null ? [] : [{ name: source, orderOnly: false }],
    recipe,
    terminal: false,
    location: builtin ? null : (recipe?.location ?? null),
    secondExpansion: null,
    builtin,
  };
}

/**
 * Adds a rule as GNU's new_pattern_rule does. An existing rule with the
 * same target and the same prerequisites is replaced (the new rule goes to
 * the end) when `override` is set; otherwise the new rule is dropped.
 */
function addPatternRule(
  rules: PatternRule[],
  rule: PatternRule,
  override: boolean,
): void {
  const index = rules.findIndex((old) => isSameRule(old, rule));
  if (index >= 0) {
    if (!override) return;
    rules.splice(index, 1);
  }
  rules.push(rule);
}

/**
 * GNU's test for the same rule: every target of the old rule is one of the
 * new rule's targets, and the prerequisite names are the same, in order.
 */
function isSameRule(old: PatternRule, rule: PatternRule): boolean {
  const targetMatches = rule.targets.some((target) =>
    old.targets.every((oldTarget) => oldTarget === target),
  );
  if (!targetMatches) return false;
  const names = (r: PatternRule): string[] =>
    r.secondExpansion
      ? r.secondExpansion.map((part) => part.text)
      : r.prerequisites.map((p) => p.name);
  const oldNames = names(old);
  const newNames = names(rule);
  return (
    oldNames.length === newNames.length &&
    oldNames.every((name, i) => name === newNames[i])
  );
}

/** A recipe of built-in text: one line for each line of the text. */
function builtinRecipe(text: string): Recipe {
  return {
    lines: text
      .split('\n')
      .map((line) => ({ text: line, location: builtinLocation })),
    location: builtinLocation,
  };
}

const builtinSuffixRecipes = new Map<string, Recipe>(
  builtinSuffixRules.map(([name, text]) => [name, builtinRecipe(text)]),
);

function builtinPattern(pattern: BuiltinPattern, terminal: boolean) {
  const prerequisites: Prerequisite[] = words(pattern.prerequisites).map(
    (name) => ({ name, orderOnly: false }),
  );
  const rule: PatternRule = {
    targets: [pattern.target],
    prerequisites,
    recipe: builtinRecipe(pattern.recipe),
    terminal,
    location: null,
    secondExpansion: null,
    builtin: true,
  };
  return rule;
}

const builtinPatternRuleList: readonly PatternRule[] = [
  ...builtinPatternRules.map((rule) => builtinPattern(rule, false)),
  ...builtinTerminalRules.map((rule) => builtinPattern(rule, true)),
];
