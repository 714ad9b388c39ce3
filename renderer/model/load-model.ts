import { Box3, Material, Mesh, Object3D, PropertyBinding, Texture, Vector3, type Group, type WebGLRenderer } from 'three';
import { GLTFLoader, type GLTF, type GLTFParser } from 'three/examples/jsm/loaders/GLTFLoader.js';

/** A loaded model with its material variants (liveries). */
export interface LoadedModel {
  scene: Group;
  /** The model's bounds in metres, at load time. */
  bounds: Box3;
  /** KHR_materials_variants names in the file, in file order. */
  variants: string[];
  /** Puts a variant's materials on every mesh that has them; an unknown name restores the file's defaults. */
  selectVariant(name: string | null): void;
  /** The names of every material now in the scene, sorted. */
  materialNames(): string[];
  /** Uploads every texture of every variant, so switching costs no upload and memory counts stay flat. */
  upload(renderer: WebGLRenderer): void;
  dispose(): void;
}

interface VariantMapping {
  mappings: { material: number; variants: number[] }[];
}

function texturesOf(material: Material): Texture[] {
  return Object.values(material).filter((value): value is Texture => value instanceof Texture);
}

function meshesOf(root: Object3D): Mesh[] {
  const meshes: Mesh[] = [];
  root.traverse((o) => {
    if ((o as Mesh).isMesh) meshes.push(o as Mesh);
  });
  return meshes;
}

function materialsOf(mesh: Mesh): Material[] {
  return Array.isArray(mesh.material) ? mesh.material : [mesh.material];
}

/**
 * Fetches and parses a glTF model. No decoder for compressed meshes or textures is set: they
 * run as WebAssembly, which the content security policy refuses, and the validator refuses
 * models that require them before they are installed.
 */
export async function loadModel(url: string, signal?: AbortSignal): Promise<LoadedModel> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const data = await response.arrayBuffer();
  const loader = new GLTFLoader();
  const gltf: GLTF = await loader.parseAsync(data, url.slice(0, url.lastIndexOf('/') + 1));
  signal?.throwIfAborted();
  return prepare(gltf);
}

async function prepare(gltf: GLTF): Promise<LoadedModel> {
  const parser: GLTFParser = gltf.parser;
  const scene = gltf.scene;
  const variantDefs =
    (parser.json as { extensions?: { KHR_materials_variants?: { variants?: { name?: string }[] } } }).extensions?.KHR_materials_variants
      ?.variants ?? [];
  const variants = variantDefs.map((v, i) => v.name ?? `variant-${i}`);
  const meshes = meshesOf(scene);

  // Every material a variant can put on a mesh, loaded now so that switching is instant.
  const originals = new Map<Mesh, Material | Material[]>();
  const byVariant = new Map<Mesh, Map<number, Material>>();
  for (const mesh of meshes) {
    const ext = (mesh.userData.gltfExtensions as { KHR_materials_variants?: VariantMapping } | undefined)?.KHR_materials_variants;
    if (!ext?.mappings?.length) continue;
    originals.set(mesh, mesh.material);
    const map = new Map<number, Material>();
    for (const mapping of ext.mappings) {
      const material = (await parser.getDependency('material', mapping.material)) as Material;
      for (const variant of mapping.variants) map.set(variant, material);
    }
    byVariant.set(mesh, map);
  }

  const owned = new Set<Material>();
  const collect = () => {
    for (const mesh of meshes) for (const m of materialsOf(mesh)) owned.add(m);
  };
  collect();
  for (const map of byVariant.values()) for (const m of map.values()) owned.add(m);

  const selectVariant = (name: string | null) => {
    const index = name === null ? -1 : variants.indexOf(name);
    for (const [mesh, map] of byVariant) {
      const material = map.get(index) ?? originals.get(mesh)!;
      if (mesh.material === material) continue;
      mesh.material = material;
      // The loader's own final touch (vertex colours, flat shading) for the swapped material.
      if (!Array.isArray(material)) parser.assignFinalMaterial(mesh);
    }
    collect();
  };

  scene.updateMatrixWorld(true);
  const bounds = new Box3().setFromObject(scene);
  if (bounds.isEmpty()) bounds.set(new Vector3(-0.5, 0, -0.5), new Vector3(0.5, 1, 0.5));

  return {
    scene,
    bounds,
    variants,
    selectVariant,
    materialNames: () => [...new Set(meshes.flatMap((m) => materialsOf(m).map((x) => x.name || '(unnamed)')))].sort(),
    upload: (renderer) => {
      for (const material of owned) for (const texture of texturesOf(material)) renderer.initTexture(texture);
    },
    dispose: () => {
      const textures = new Set<Texture>();
      for (const material of owned) for (const t of texturesOf(material)) textures.add(t);
      for (const texture of textures) {
        const image = texture.image as { close?: () => void } | undefined;
        texture.dispose();
        image?.close?.();
      }
      for (const material of owned) material.dispose();
      const geometries = new Set(meshes.map((m) => m.geometry));
      for (const geometry of geometries) geometry.dispose();
      for (const mesh of meshes) (mesh as Mesh & { dispose?: () => void }).dispose?.();
      scene.removeFromParent();
    },
  };
}

/**
 * A node found by the name a package gives it: as written, or as three's loader rewrites
 * names (spaces to underscores, some punctuation dropped).
 */
export function findNode(root: Object3D, name: string): Object3D | undefined {
  return root.getObjectByName(name) ?? root.getObjectByName(PropertyBinding.sanitizeNodeName(name));
}
