/** Re-renders the caller every `ms` with the current time (group ages tick without new data). */
import { useEffect, useState } from 'react';

export const useNow = (ms: number): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(h);
  }, [ms]);
  return now;
};
