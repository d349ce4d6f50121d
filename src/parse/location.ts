/** Where a piece of makefile text came from: a file name and a line. */
export interface Location {
  readonly file: string;
  readonly line: number;
}

/** Formats a location as GNU make prints it: `Makefile:12`. */
export function formatLocation(location: Location): string {
  return `${location.file}:${location.line}`;
}
