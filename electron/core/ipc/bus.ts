/** A typed event bus for the contract's EventMap (core → every attached renderer). */
import type { EventChannel, EventMap } from '../../../shared/ipc/contract';

type Listener<C extends EventChannel> = (payload: EventMap[C]) => void;

export class EventBus {
  private readonly listeners = new Map<EventChannel, Set<Listener<EventChannel>>>();

  on<C extends EventChannel>(channel: C, l: Listener<C>): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(l as Listener<EventChannel>);
    return () => set.delete(l as Listener<EventChannel>);
  }

  emit<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
    for (const l of this.listeners.get(channel) ?? []) l(payload);
  }
}
