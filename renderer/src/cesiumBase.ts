/** Must be imported first: Cesium finds its Workers/Assets under `cesium/` next to index.html (copied by renderer/vite.config.ts). */
window.CESIUM_BASE_URL = new URL('cesium/', document.baseURI).href;
