/** Creates a fully offline Cesium Viewer: no ion, no Bing, no geocoder; bundled NaturalEarthII; ellipsoid terrain. */
import {
  buildModuleUrl,
  EllipsoidTerrainProvider,
  ImageryLayer,
  Ion,
  ScreenSpaceEventType,
  TileMapServiceImageryProvider,
  Viewer,
} from 'cesium';

export const createOfflineViewer = (container: HTMLElement): Viewer => {
  // An empty token makes any accidental ion use fail loudly instead of phoning home.
  Ion.defaultAccessToken = '';
  const viewer = new Viewer(container, {
    baseLayer: ImageryLayer.fromProviderAsync(TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    terrainProvider: new EllipsoidTerrainProvider(),
    baseLayerPicker: false,
    geocoder: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    animation: false,
    timeline: false,
    fullscreenButton: false,
    vrButton: false,
    infoBox: false, // an iframe; CSP forbids frames
    selectionIndicator: false,
    projectionPicker: false,
    // Software GL draws a few fps: render only when something changed.
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
    msaaSamples: 1,
  });
  const scene = viewer.scene;
  scene.fog.enabled = false;
  scene.globe.enableLighting = false;
  scene.globe.depthTestAgainstTerrain = false;
  // The default double-click zooms to and tracks an entity; follow is our explicit toggle instead.
  viewer.screenSpaceEventHandler.removeInputAction(ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
  return viewer;
};
