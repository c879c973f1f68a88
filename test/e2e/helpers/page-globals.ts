/** Types for code that runs inside the page (page.evaluate): the node tsconfig has no DOM lib, so name what we touch. */
import type { OutpostDebugHook } from '../../../renderer/src/features/map/debugTypes';

export interface PageGlobals {
  readonly __outpost?: OutpostDebugHook;
  readonly document: {
    querySelectorAll(selector: string): { readonly length: number };
    querySelector(selector: string): { readonly innerHTML: string } | null;
    addEventListener(type: 'securitypolicyviolation', l: (e: { violatedDirective: string; blockedURI: string }) => void): void;
  };
  fetch(url: string): Promise<{ json(): Promise<unknown> }>;
  __reportCsp(text: string): void;
}
