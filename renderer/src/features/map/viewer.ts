/**
 * Creates a fully offline Cesium globe: no ion, no Bing, no geocoder; bundled NaturalEarthII; ellipsoid terrain.
 * We use `CesiumWidget` from `@cesium/engine` (it has entities and trackedEntity since engine 24) rather than
 * `Viewer`: the widgets package bundles knockout, whose `(0,eval)("this")` breaks our no-'unsafe-eval' CSP,
 * and its geocoder/base-layer-picker are exactly the parts that call out.
 */
import {
  buildModuleUrl,
  CesiumWidget,
  Credit,
  CreditDisplay,
  EllipsoidTerrainProvider,
  ImageryLayer,
  Ion,
  TileMapServiceImageryProvider,
} from '@cesium/engine';

export const createOfflineViewer = (container: HTMLElement): CesiumWidget => {
  // An empty token makes any accidental ion use fail loudly instead of phoning home.
  Ion.defaultAccessToken = '';
  // No ion logo: Outpost uses no ion service. Keep a plain attribution for the engine instead.
  CreditDisplay.cesiumCredit = new Credit('CesiumJS', true);
  const widget = new CesiumWidget(container, {
    baseLayer: ImageryLayer.fromProviderAsync(TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    terrainProvider: new EllipsoidTerrainProvider(),
    // Software GL draws a few fps: render only when something changed (we call scene.requestRender()).
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
    msaaSamples: 1,
    shouldAnimate: false,
    showRenderLoopErrors: true,
  });
  const scene = widget.scene;
  scene.fog.enabled = false;
  scene.globe.enableLighting = false;
  scene.globe.depthTestAgainstTerrain = false;
  return widget;
};
