/**
 * Preload (sandboxed, CommonJS): exposes ONE function per IPC channel through
 * contextBridge, derived from the contract. The renderer never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS, type OutpostBridge } from '../../shared/ipc/contract';

const invoke = Object.fromEntries(INVOKE_CHANNELS.map((ch) => [ch, (req: unknown) => ipcRenderer.invoke(ch, req)]));
const send = Object.fromEntries(SEND_CHANNELS.map((ch) => [ch, (msg: unknown) => ipcRenderer.send(ch, msg)]));
const on = Object.fromEntries(
  EVENT_CHANNELS.map((ch) => [
    ch,
    (listener: (payload: unknown) => void) => {
      const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(ch, wrapped);
      return () => ipcRenderer.removeListener(ch, wrapped);
    },
  ]),
);

contextBridge.exposeInMainWorld('outpostBridge', { invoke, send, on } as unknown as OutpostBridge);
