/** A minimal LSP client over a child process's stdio, for protocol tests. */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/* eslint-disable @typescript-eslint/no-explicit-any */
export class LspClient {
  private buffer = Buffer.alloc(0);
  /** Chunks of a message body still incomplete, joined once it is all there (30 MB must not mean 500 copies). */
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private need = 0;
  private nextId = 1;
  private readonly waiters: Array<{ match: (m: any) => boolean; resolve: (m: any) => void }> = [];
  readonly messages: any[] = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  private onData(chunk: Buffer): void {
    if (this.need > 0) {
      this.waiting.push(chunk);
      this.waitingBytes += chunk.length;
      if (this.buffer.length + this.waitingBytes < this.need) return;
      this.buffer = Buffer.concat([this.buffer, ...this.waiting]);
      this.waiting = [];
      this.waitingBytes = 0;
      this.need = 0;
    } else this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) {
        this.need = headerEnd + 4 + length;
        return;
      }
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.messages.push(message);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        if (this.waiters[i].match(message)) this.waiters.splice(i, 1)[0].resolve(message);
      }
    }
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  wait(match: (m: any) => boolean, what: string, timeoutMs = 10000): Promise<any> {
    const found = this.messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  request(method: string, params: object): Promise<any> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.wait((m) => m.id === id, method);
  }
}
