/** Binds every channel of the IPC contract to the engine through ipcMain (the only ipcMain user). */
import { ipcMain, type BrowserWindow } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS, type InvokeChannel, type SendChannel } from '../../shared/ipc/contract';
import type { Engine } from '../core/engine/engine';

export function bindIpc(engine: Engine, window: () => BrowserWindow | null): () => void {
  for (const ch of INVOKE_CHANNELS) {
    ipcMain.handle(ch, (_e, req: unknown) => (engine.invoke[ch as InvokeChannel] as (r: unknown) => unknown)(req));
  }
  for (const ch of SEND_CHANNELS) {
    ipcMain.on(ch, (_e, msg: unknown) => (engine.sends[ch as SendChannel] as (m: unknown) => void)(msg));
  }
  const offs = EVENT_CHANNELS.map((ch) =>
    engine.bus.on(ch, (payload) => {
      const w = window();
      if (w && !w.isDestroyed()) w.webContents.send(ch, payload);
    }),
  );
  return () => {
    for (const ch of INVOKE_CHANNELS) ipcMain.removeHandler(ch);
    for (const ch of SEND_CHANNELS) ipcMain.removeAllListeners(ch);
    for (const off of offs) off();
  };
}
