/** A tiny typed listener set; a throwing listener is logged and counted, never breaks the broker or other listeners. */
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(
    private readonly name: string,
    private readonly log: Logger,
    private readonly counters: Counters,
  ) {}

  on(listener: (value: T) => void): () => void {
    // Wrap so the same function can be registered twice and removed independently.
    const entry = (v: T): void => listener(v);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch (e) {
        this.counters.inc(`link.listener_errors.${this.name}`);
        this.log.error(`${this.name} listener threw`, { error: e instanceof Error ? e.message : String(e) });
      }
    }
  }
}
