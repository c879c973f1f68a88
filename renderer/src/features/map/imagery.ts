/** Keeps the globe's extra imagery layers in step with the map settings (base NaturalEarthII stays at index 0). */
import { ImageryLayer, UrlTemplateImageryProvider, type CesiumWidget } from '@cesium/engine';
import type { LayerSpec } from './layers';

export class ImageryLayers {
  private readonly active = new Map<string, { template: string; layer: ImageryLayer }>();

  constructor(private readonly viewer: CesiumWidget) {}

  apply(specs: readonly LayerSpec[]): void {
    const wanted = new Map(specs.map((s) => [s.id, s]));
    for (const [id, cur] of this.active) {
      if (wanted.get(id as LayerSpec['id'])?.template === cur.template) continue;
      this.viewer.imageryLayers.remove(cur.layer, true);
      this.active.delete(id);
    }
    for (const s of specs) {
      if (this.active.has(s.id)) continue;
      const provider = new UrlTemplateImageryProvider({ url: s.template, maximumLevel: 20 });
      // Missing tiles are normal for partial offline sets: warn once per layer instead of Cesium's per-tile spam.
      let failed = 0;
      provider.errorEvent.addEventListener(() => {
        if (failed++ === 0) console.warn(`[map] tiles failing for layer ${s.id} (${s.template})`);
      });
      const layer = this.viewer.imageryLayers.addImageryProvider(provider);
      this.active.set(s.id, { template: s.template, layer });
    }
    this.viewer.scene.requestRender();
  }
}
