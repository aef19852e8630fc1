/**
 * A start failure whose cause we know: its message names the cause and, in `wayOut`, what the operator can do.
 * main.ts and the CLI print it as one line, like a ConfigError; anything else gets a generic way out appended
 * (startup.ts, describeStartupError).
 */
export class StartupError extends Error {
  readonly wayOut: string;

  constructor(cause: string, wayOut: string) {
    super(`${cause}. ${wayOut}`);
    this.name = 'StartupError';
    this.wayOut = wayOut;
  }
}
