/**
 * Assembles the tractor as a glTF-Transform document: one node per named part, one primitive
 * per material, track shoes instanced with EXT_mesh_gpu_instancing, two liveries with
 * KHR_materials_variants.
 */
import { type BufferGeometry, Color, type Vector3 } from 'three';
import { Document, Logger, type Material, type Mesh, type Node, type Texture } from '@gltf-transform/core';
import { EXTMeshGPUInstancing, EXTTextureWebP, KHRMaterialsVariants } from '@gltf-transform/extensions';
import type { MaterialKey, Part } from './geometry.ts';
import type { TrackLayout } from './parts.ts';
import { shoeTransforms, trackNodePivot } from './parts.ts';

export const VARIANTS = ['dt54', 'dongfanghong'] as const;
export type VariantName = (typeof VARIANTS)[number];

interface MaterialSpec {
  color: string;
  metallic: number;
  roughness: number;
  alpha?: number;
  emissive?: string;
  doubleSided?: boolean;
  textured?: boolean;
}

/** Materials that differ between the two liveries. */
const LIVERY: Partial<Record<MaterialKey, Record<VariantName, MaterialSpec>>> = {
  // Soviet grey-green (an olive grey) against the Chinese red.
  paint: {
    dt54: { color: '#5f6656', metallic: 0.05, roughness: 0.58 },
    dongfanghong: { color: '#b1241b', metallic: 0.05, roughness: 0.5 },
  },
  gear: {
    dt54: { color: '#3c4036', metallic: 0.25, roughness: 0.62 },
    dongfanghong: { color: '#393938', metallic: 0.25, roughness: 0.6 },
  },
  decal: {
    dt54: { color: '#ffffff', metallic: 0, roughness: 0.6, alpha: 1, textured: true },
    dongfanghong: { color: '#ffffff', metallic: 0, roughness: 0.5, alpha: 1, textured: true },
  },
};

/** Materials shared by both liveries. */
const SHARED: Partial<Record<MaterialKey, MaterialSpec>> = {
  steel: { color: '#4a4843', metallic: 0.45, roughness: 0.55 },
  black: { color: '#191918', metallic: 0.2, roughness: 0.7 },
  metal: { color: '#a3a39b', metallic: 0.85, roughness: 0.35 },
  dark: { color: '#1d1e1b', metallic: 0.1, roughness: 0.8 },
  glass: { color: '#5a747d', metallic: 0, roughness: 0.05, alpha: 0.4, doubleSided: true },
  seat: { color: '#4b3527', metallic: 0, roughness: 0.75 },
  lens: { color: '#b8b6a6', metallic: 0.3, roughness: 0.08 },
};

/** three's Color parses sRGB CSS colours into linear values, as glTF factors want. */
function linear(hex: string): [number, number, number] {
  const c = new Color(hex);
  const r = (v: number) => Math.round(v * 10000) / 10000;
  return [r(c.r), r(c.g), r(c.b)];
}

function createMaterial(doc: Document, name: string, spec: MaterialSpec, texture?: Texture): Material {
  const [r, g, b] = linear(spec.color);
  const m = doc
    .createMaterial(name)
    .setBaseColorFactor([r, g, b, spec.alpha ?? 1])
    .setMetallicFactor(spec.metallic)
    .setRoughnessFactor(spec.roughness)
    .setDoubleSided(spec.doubleSided ?? false);
  if (spec.alpha !== undefined) m.setAlphaMode('BLEND');
  if (spec.emissive) m.setEmissiveFactor(linear(spec.emissive));
  if (texture) m.setBaseColorTexture(texture);
  return m;
}

function addPrimitive(doc: Document, mesh: Mesh, geometry: BufferGeometry, material: Material): ReturnType<Document['createPrimitive']> {
  const buffer = doc.getRoot().listBuffers()[0]!;
  const prim = doc.createPrimitive().setMaterial(material);
  const pos = geometry.getAttribute('position');
  const nor = geometry.getAttribute('normal');
  prim.setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(pos.array)).setBuffer(buffer));
  prim.setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(normalised(nor.array)).setBuffer(buffer));
  const uv = geometry.getAttribute('uv');
  if (uv) prim.setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array(uv.array)).setBuffer(buffer));
  mesh.addPrimitive(prim);
  return prim;
}

/** Unit-length normals (the validator checks them), with a fallback for degenerate ones. */
function normalised(array: ArrayLike<number>): Float32Array {
  const out = new Float32Array(array.length);
  for (let i = 0; i < array.length; i += 3) {
    const x = array[i]!;
    const y = array[i + 1]!;
    const z = array[i + 2]!;
    const l = Math.hypot(x, y, z);
    if (l > 1e-8) {
      out[i] = x / l;
      out[i + 1] = y / l;
      out[i + 2] = z / l;
    } else {
      out[i + 1] = 1;
    }
  }
  return out;
}

const MATERIAL_ORDER: MaterialKey[] = ['paint', 'gear', 'steel', 'black', 'metal', 'dark', 'seat', 'lens', 'glass', 'decal'];

export interface Assembly {
  parts: Part[];
  shoe: Part;
  layout: TrackLayout;
  /** Lettering texture (WebP) per variant. */
  lettering: Record<VariantName, Uint8Array>;
}

export function assemble({ parts, shoe, layout, lettering }: Assembly): Document {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  doc.getRoot().getAsset().generator = 'scripts/build-tractor-model.ts (glTF-Transform)';
  doc.createBuffer();
  const variantsExt = doc.createExtension(KHRMaterialsVariants);
  doc.createExtension(EXTTextureWebP).setRequired(true);
  const instancing = doc.createExtension(EXTMeshGPUInstancing).setRequired(true);
  const variants = Object.fromEntries(VARIANTS.map((v) => [v, variantsExt.createVariant(v)]));

  const textures = Object.fromEntries(
    VARIANTS.map((v) => [v, doc.createTexture(`lettering_${v}`).setMimeType('image/webp').setImage(lettering[v])]),
  ) as Record<VariantName, Texture>;

  const materials = new Map<MaterialKey, Record<VariantName, Material>>();
  for (const key of MATERIAL_ORDER) {
    const livery = LIVERY[key];
    if (livery) {
      const byVariant = Object.fromEntries(
        VARIANTS.map((v) => [v, createMaterial(doc, `${key}_${v}`, livery[v], livery[v].textured ? textures[v] : undefined)]),
      ) as Record<VariantName, Material>;
      materials.set(key, byVariant);
    } else {
      const spec = SHARED[key];
      if (!spec) throw new Error(`no material ${key}`);
      const m = createMaterial(doc, key, spec);
      materials.set(key, { dt54: m, dongfanghong: m });
    }
  }

  const meshFor = (part: Part): Mesh => {
    const mesh = doc.createMesh(`${part.name}_geo`);
    const built = part.build();
    for (const key of MATERIAL_ORDER) {
      const geometry = built.get(key);
      if (!geometry) continue;
      const byVariant = materials.get(key)!;
      const prim = addPrimitive(doc, mesh, geometry, byVariant.dt54);
      if (LIVERY[key]) {
        const list = variantsExt.createMappingList();
        for (const v of VARIANTS) list.addMapping(variantsExt.createMapping().setMaterial(byVariant[v]).addVariant(variants[v]!));
        prim.setExtension('KHR_materials_variants', list);
      }
    }
    return mesh;
  };

  const root = doc.createNode('dt54');
  const scene = doc.createScene('dt54').addChild(root);
  doc.getRoot().setDefaultScene(scene);
  // A named node at the part's pivot holds an unnamed child with the mesh, so that quantization
  // (which moves and scales mesh nodes) leaves the named node's pivot as built.
  const named = (name: string, pivot: Vector3, mesh: Mesh): Node => {
    const holder = doc.createNode().setMesh(mesh);
    const node = doc.createNode(name).setTranslation(pivot.toArray()).addChild(holder);
    root.addChild(node);
    return holder;
  };
  for (const part of parts) named(part.name, part.pivot, meshFor(part));

  // Tracks: one shoe mesh, instanced along each loop.
  const shoeMesh = meshFor(shoe);
  const placements = shoeTransforms(layout);
  const translations = new Float32Array(placements.flatMap(({ position: p }) => [p.x, p.y, p.z]));
  const rotations = new Float32Array(placements.flatMap(({ quaternion: q }) => [q.x, q.y, q.z, q.w]));
  const buffer = doc.getRoot().listBuffers()[0]!;
  const batch = instancing
    .createInstancedMesh()
    .setAttribute('TRANSLATION', doc.createAccessor('shoe_translation').setType('VEC3').setArray(translations).setBuffer(buffer))
    .setAttribute('ROTATION', doc.createAccessor('shoe_rotation').setType('VEC4').setArray(rotations).setBuffer(buffer));
  for (const [name, k] of [
    ['track_l', 1],
    ['track_r', -1],
  ] as const) {
    named(name, trackNodePivot(k), shoeMesh).setExtension('EXT_mesh_gpu_instancing', batch);
  }
  return doc;
}
