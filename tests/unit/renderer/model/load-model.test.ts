import { Group, type BufferGeometry, type Material, type Mesh, type Object3D } from 'three';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Hotspot } from '../../../../core/content/schema.ts';
import { hotspotAnchors } from '../../../../renderer/model/anchors.ts';
import { loadModel } from '../../../../renderer/model/load-model.ts';

// A museum's own scan, as small as a glTF gets: nothing here is named like the DT-54's parts.
function scan(): string {
  const positions = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]);
  const uri = `data:application/octet-stream;base64,${Buffer.from(positions.buffer).toString('base64')}`;
  const variantsOf = (a: number, b: number) => ({
    KHR_materials_variants: {
      mappings: [
        { material: a, variants: [0] },
        { material: b, variants: [1] },
      ],
    },
  });
  return JSON.stringify({
    asset: { version: '2.0' },
    extensionsUsed: ['KHR_materials_variants'],
    extensions: { KHR_materials_variants: { variants: [{ name: 'museum-grey' }, { name: 'museum-red' }] } },
    buffers: [{ uri, byteLength: 36 }],
    bufferViews: [{ buffer: 0, byteLength: 36 }],
    accessors: [{ bufferView: 0, componentType: 5126, count: 3, type: 'VEC3', min: [0, 0, 0], max: [1, 1, 0] }],
    materials: [{ name: 'paint_grey' }, { name: 'paint_red' }, { name: 'steel' }],
    meshes: [
      { name: 'shell', primitives: [{ attributes: { POSITION: 0 }, material: 0, extensions: variantsOf(0, 1) }] },
      { name: 'frame', primitives: [{ attributes: { POSITION: 0 }, material: 2 }] },
    ],
    nodes: [
      { name: 'Engine Hood', mesh: 0, translation: [0, 1, 0] },
      { name: 'frame', mesh: 1 },
    ],
    scenes: [{ nodes: [0, 1] }],
    scene: 0,
  });
}

const meshesIn = (root: Object3D): Mesh[] => {
  const meshes: Mesh[] = [];
  root.traverse((o) => void ((o as Mesh).isMesh && meshes.push(o as Mesh)));
  return meshes;
};
const materialsIn = (root: Object3D): Material[] => [...new Set(meshesIn(root).flatMap((m) => [m.material].flat()))];
const geometriesIn = (root: Object3D): BufferGeometry[] => [...new Set(meshesIn(root).map((m) => m.geometry))];

const hotspot = (h: Partial<Hotspot> & { id: string }): Hotspot => ({ title: { en: [h.id] }, text: { en: [h.id] }, ...h });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a museum scan in place of the DT-54', () => {
  it('loads, switches its own KHR_materials_variants and gives its hotspots anchors by node name or position', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string | URL | Request) => {
      const href = url instanceof Request ? url.url : String(url);
      if (href.startsWith('data:')) return new Response(Buffer.from(href.slice(href.indexOf(',') + 1), 'base64'));
      fetched.push(href);
      return new Response(scan());
    });
    const model = await loadModel('/content/pkg/models/scan.gltf');
    expect(fetched).toEqual(['/content/pkg/models/scan.gltf']);
    expect(model.variants).toEqual(['museum-grey', 'museum-red']);
    expect(model.materialNames()).toEqual(['paint_grey', 'steel']);
    model.selectVariant('museum-red');
    expect(model.materialNames()).toEqual(['paint_red', 'steel']);
    const variantMaterials = materialsIn(model.scene);
    model.selectVariant('dt54');
    expect(model.materialNames()).toEqual(['paint_grey', 'steel']);
    expect(model.bounds.max.y).toBeCloseTo(2);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const anchors = hotspotAnchors(model.scene, [
      hotspot({ id: 'hood', node: 'Engine Hood' }),
      hotspot({ id: 'radiator', node: 'radiator' }),
      hotspot({ id: 'plate', position: [0.2, 0.4, 0.6] }),
    ]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(anchors.map((a) => [a.id, a.number])).toEqual([
      ['hood', 1],
      ['plate', 3],
    ]);
    expect(anchors[0]!.point.toArray()).toEqual([0.5, 1.5, 0]);
    expect(anchors[0]!.own.size).toBe(1);
    expect(anchors[1]!.point.toArray()).toEqual([0.2, 0.4, 0.6]);
    // Leaving the 3D view gives back the GPU's share: every geometry and every material a variant
    // can put on, including the one not on screen, and the scene leaves whatever held it.
    const stage = new Group().add(model.scene);
    const owned = [...geometriesIn(model.scene), ...materialsIn(model.scene), ...variantMaterials];
    const disposed = new Set<unknown>();
    for (const thing of owned) thing.addEventListener('dispose', () => disposed.add(thing));
    model.dispose();
    expect(owned.map((t) => [t.name || t.type, disposed.has(t)])).toEqual(owned.map((t) => [t.name || t.type, true]));
    expect(stage.children).toHaveLength(0);
    expect(model.scene.parent).toBeNull();
  });
});
