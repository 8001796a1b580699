/**
 * The one LSP client of the benchmarks: spawns a server over stdio, frames JSON-RPC, answers the
 * server's own requests (workspace/configuration, client/registerCapability, progress) and waits for
 * messages. Both servers under test are driven by this same code, so client overhead is the same.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Message = any;

/** Answers `workspace/configuration` items by section; undefined → null. */
export type ConfigurationAnswer = (section: string | undefined) => unknown;

interface Waiter {
  readonly match: (m: Message) => boolean;
  readonly resolve: (m: Message) => void;
}

export class BenchLspClient {
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private waiters: Waiter[] = [];
  private readonly pending = new Map<number, (m: Message) => void>();
  /** When the last chunk arrived (performance.now()); notifications carry it as `receivedAt`. */
  private lastArrival = 0;
  /** Every notification received, in order (the benches read publishDiagnostics from here). */
  readonly notifications: Message[] = [];
  readonly stderr: string[] = [];

  private constructor(readonly child: ChildProcessWithoutNullStreams, private readonly configuration: ConfigurationAnswer) {
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
  }

  /** Spawns `node <script> --stdio` (script first in `args`). */
  static spawn(args: readonly string[], configuration: ConfigurationAnswer = () => null, cwd?: string): BenchLspClient {
    return new BenchLspClient(spawn(process.execPath, [...args], { cwd, stdio: 'pipe' }), configuration);
  }

  private onData(chunk: Buffer): void {
    this.lastArrival = performance.now();
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('latin1'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      if (message.method !== undefined) message.receivedAt = this.lastArrival; // the bytes were in, before our JSON.parse
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.answer(message);
      return;
    }
    if (message.method === undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    this.notifications.push(message);
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      if (waiter.match(message)) waiter.resolve(message);
      else this.waiters.push(waiter);
    }
  }

  /** The server asks; the client answers at once, the way an editor does. */
  private answer(request: Message): void {
    let result: unknown = null;
    if (request.method === 'workspace/configuration') {
      result = (request.params?.items ?? []).map((item: { section?: string }) => this.configuration(item.section) ?? null);
    }
    this.write({ id: request.id, result });
  }

  private write(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]));
  }

  notify(method: string, params: object): void {
    this.write({ method, params });
  }

  request(method: string, params: object, timeoutMs = 30000): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for the answer to ${method}`)), timeoutMs);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result);
      });
      this.write({ id, method, params });
    });
  }

  /** The next notification (from now on) that matches. */
  next(match: (m: Message) => boolean, what: string, timeoutMs = 30000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}${this.stderr.length ? `; stderr: ${this.stderr.join('').slice(-500)}` : ''}`)), timeoutMs);
      this.waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  /** The next publishDiagnostics for `uri` (with `version`, when the server sends versions). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 30000): Promise<Message> {
    return this.next(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === undefined || m.params.version === version),
      `diagnostics of ${uri}${version === undefined ? '' : ` v${version}`}`,
      timeoutMs,
    );
  }

  async initialize(initializationOptions?: unknown): Promise<Message> {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, synchronization: { dynamicRegistration: false } },
      },
      initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  async shutdown(): Promise<void> {
    try {
      await this.request('shutdown', {}, 5000);
      this.notify('exit', {});
    } catch {
      // a server that does not answer is killed below
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => { this.child.kill(); }, 2000);
      this.child.once('exit', () => { clearTimeout(timer); resolve(); });
    });
  }
}
