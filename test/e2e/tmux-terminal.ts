// A real terminal for end-to-end tests: a tmux session (Debian's tmux, installed if missing) to type into and read the screen of.

import { execFileSync, spawnSync } from 'node:child_process';

export type TmuxAvailability = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

/**
 * Finds tmux, or installs it from Debian's packages (`apt-get install -y tmux`, after `apt-get
 * update` if the package lists are empty) when running as root. Says why when it cannot.
 */
export function ensureTmux(): TmuxAvailability {
  if (hasTmux()) return { ok: true };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'tmux is not installed and this user cannot install it (not root)' };
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return { ok: false, reason: 'tmux is not installed and apt-get is not available' };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'tmux'], { env, encoding: 'utf8', timeout: 300_000 });
  if (install.status !== 0) {
    spawnSync('apt-get', ['update'], { env, stdio: 'ignore', timeout: 300_000 });
    install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'tmux'], { env, encoding: 'utf8', timeout: 300_000 });
  }
  if (install.status === 0 && hasTmux()) return { ok: true };
  const detail = `${install.stderr ?? ''}`.trim().split('\n').pop() ?? '';
  return { ok: false, reason: `tmux is not installed and 'apt-get install -y tmux' failed${detail === '' ? '' : `: ${detail}`}` };
}

/** One tmux server (its own socket, so a user's tmux is never touched) running one session. */
export class TmuxTerminal {
  private readonly socket: string;
  private readonly target = 'eddy';

  constructor(name: string) {
    this.socket = `${name}-${process.pid}`;
  }

  /** Starts `command` (run by /bin/sh) in a terminal of `columns` × `rows` with `env` added. */
  start(command: string, options: { cwd: string; columns: number; rows: number; env: Record<string, string> }): void {
    const envArgs = Object.entries(options.env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    this.tmux(['new-session', '-d', '-s', this.target, '-x', String(options.columns), '-y', String(options.rows), '-c', options.cwd, ...envArgs, command]);
  }

  /**
   * Types `text` literally. (tmux reads an argument ending in `;` as a command separator, so a
   * `;` is sent as its hex code.)
   */
  type(text: string): void {
    for (const part of text.split(/(;)/)) {
      if (part === ';') this.tmux(['send-keys', '-t', this.target, '-H', '3b']);
      else if (part !== '') this.tmux(['send-keys', '-t', this.target, '-l', part]);
    }
  }

  /** Presses keys by tmux name: `Enter`, `C-c`, `C-d`, `Up`, `Tab`. */
  press(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.target, ...keys]);
  }

  /** The visible screen as text (no colours), trailing blank lines dropped. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-t', this.target]).replace(/\s+$/, '');
  }

  /** The screen, or undefined when the program has exited (and taken its session with it) meanwhile. */
  private screenIfRunning(): string | undefined {
    if (!this.isRunning()) return undefined;
    try {
      return this.screen();
    } catch (e) {
      if (!this.isRunning()) return undefined;
      throw e;
    }
  }

  isRunning(): boolean {
    return spawnSync('tmux', ['-L', this.socket, 'has-session', '-t', this.target], { stdio: 'ignore' }).status === 0;
  }

  /** Polls the screen until `accept` returns true; throws with the last screen after `timeoutMs`. */
  async waitForScreen(what: string, accept: (screen: string) => boolean, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      last = this.screenIfRunning() ?? last;
      if (accept(last)) return last;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen was:\n${last}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Kills the session and its server (and so the program running in it). */
  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }

  private tmux(args: readonly string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}
