/** The "Live" button and the wall as a full-window layer over the globe. */
import { useEffect, useState } from 'react';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { coverMap } from '../map/mapClicks';
import { LiveWall } from './LiveWall';
import './live.css';

export function LivePanel({ client }: { readonly client: OutpostClient }) {
  const [open, setOpen] = useState(false);
  useEffect(() => (open ? coverMap() : undefined), [open]);
  return (
    <>
      <button type="button" className="live-open" data-testid="live-open" onClick={() => setOpen((o) => !o)}>{open ? 'Close live' : 'Live'}</button>
      {open ? <div className="live-layer"><LiveWall client={client} /></div> : null}
    </>
  );
}
