/** The globe: React owns the Cesium Viewer's life (create once on mount, destroy on unmount). */
import { useEffect, useRef } from 'react';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { mountGlobe } from './controller';

export function Globe({ client }: { readonly client: OutpostClient }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    return mountGlobe(ref.current, client);
  }, [client]);
  return <div ref={ref} className="globe" data-testid="globe" />;
}
