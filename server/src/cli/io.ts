/** Where the CLI writes and what it knows of its surroundings; tests pass their own. */
export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
  readonly env: NodeJS.ProcessEnv;
}

let pipeGuard = false;

export function processIo(): Io {
  if (!pipeGuard) {
    pipeGuard = true;
    // `policy-lint … | head`: the reader left, which is not our error; anything else is one line.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') process.stderr.write(`policy-lint: cannot write output: ${err.message.split(/\r?\n/)[0]}\n`);
      process.exit(err.code === 'EPIPE' ? process.exitCode ?? 0 : 2);
    });
  }
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: process.stdout.isTTY === true,
    env: process.env,
  };
}

/** A warning never stops the run; like errors it is one prefixed line. */
export function warn(io: Io, message: string): void {
  io.stderr(`policy-lint: warning: ${message.split(/\r?\n/)[0]}\n`);
}
