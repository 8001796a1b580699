/**
 * Preloaded (`node -r out/bench/lspNoDebounce.js …/yaml-language-server --stdio`) by the LSP latency
 * bench: yaml-language-server schedules every validation with a fixed 200 ms setTimeout
 * (validationDelayMs, no setting). This runs exactly that timer at once, so the bench can show the
 * validation work without the delay; every other timer is left alone.
 */
export {};

const original = globalThis.setTimeout;
const patched = ((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
  const isValidation = delay === 200 && typeof callback === 'function' && callback.toString().includes('validateTextDocument');
  return original(callback, isValidation ? 0 : delay, ...args);
}) as typeof setTimeout;
globalThis.setTimeout = Object.assign(patched, original);
