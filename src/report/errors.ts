import { Location } from '../parse/location';

/**
 * A fatal make error: GNU make prints `file:line: *** message.  Stop.` (or
 * `make: *** message.  Stop.` without a location) and exits with status 2.
 * Thrown from anywhere in reading or building; caught once, in main.
 */
export class MakeError extends Error {
  constructor(
    message: string,
    readonly location: Location | null = null,
  ) {
    super(message);
    this.name = 'MakeError';
  }
}

/** Thrown to end the program at once with a given status. */
export class ExitRequest extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
    this.name = 'ExitRequest';
  }
}
