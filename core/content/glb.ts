/**
 * Checking a `.glb` with the Khronos glTF validator, and reading what hotspots and liveries
 * refer to: node names and KHR_materials_variants names.
 */
import fs from 'node:fs/promises';

/** What the kiosk needs to know of a checked model. */
export interface GlbReport {
  errors: string[];
  /** One message per extension the model requires that the kiosk cannot read (field extensionsRequired). */
  unsupported: string[];
  warnings: number;
  nodeNames: Set<string>;
  variants: string[];
  triangles?: number;
  drawCalls?: number;
}

interface GltfJson {
  extensionsRequired?: string[];
  nodes?: { name?: string }[];
  buffers?: { uri?: string }[];
  images?: { uri?: string }[];
  extensions?: { KHR_materials_variants?: { variants?: { name?: string }[] } };
}

/**
 * The glTF extensions a model may require: those three.js reads by itself. Draco, meshopt and
 * Basis textures need decoders that run as WebAssembly, which the kiosk's content security
 * policy does not allow (and whose usual copies are fetched from a CDN).
 */
export const SUPPORTED_REQUIRED_EXTENSIONS: ReadonlySet<string> = new Set([
  'KHR_materials_anisotropy',
  'KHR_materials_clearcoat',
  'KHR_materials_dispersion',
  'KHR_materials_emissive_strength',
  'KHR_materials_ior',
  'KHR_materials_iridescence',
  'KHR_materials_sheen',
  'KHR_materials_specular',
  'KHR_materials_transmission',
  'KHR_materials_unlit',
  'KHR_materials_variants',
  'KHR_materials_volume',
  'KHR_lights_punctual',
  'KHR_mesh_quantization',
  'KHR_texture_transform',
  'EXT_mesh_gpu_instancing',
  'EXT_texture_avif',
  'EXT_texture_webp',
]);

const WHY_UNSUPPORTED: Record<string, string> = {
  KHR_draco_mesh_compression: 'Draco compression',
  EXT_meshopt_compression: 'meshopt compression',
  KHR_meshopt_compression: 'meshopt compression',
  KHR_texture_basisu: 'Basis (KTX2) textures',
};

/** Reads the JSON chunk of a GLB, or undefined when the container is broken. */
export function readGlbJson(bytes: Uint8Array): GltfJson | undefined {
  if (bytes.length < 20) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x46546c67 || view.getUint32(4, true) !== 2) return undefined;
  const length = view.getUint32(12, true);
  if (view.getUint32(16, true) !== 0x4e4f534a || 20 + length > bytes.length) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + length))) as GltfJson;
  } catch {
    return undefined;
  }
}

/** Validates a GLB file; outside files are never read (a kiosk model is self-contained). */
export async function checkGlb(file: string): Promise<GlbReport> {
  const bytes = new Uint8Array(await fs.readFile(file));
  // The validator is 2 MB of compiled Dart: loaded on first use, not at start-up.
  const { validateBytes } = await import('gltf-validator');
  const report = await validateBytes(bytes, {
    uri: 'model.glb',
    format: 'glb',
    writeTimestamp: false,
    maxIssues: 50,
    externalResourceFunction: (uri) => Promise.reject(new Error(`outside resource ${uri}`)),
  });
  const errors = report.issues.messages
    .filter((m) => m.severity === 0)
    .map((m) => `${m.message}${m.pointer ? ` (at ${m.pointer})` : ''} [${m.code}]`);
  const json = readGlbJson(bytes);
  const external = [...(json?.buffers ?? []), ...(json?.images ?? [])].map((b) => b.uri).filter((u): u is string => !!u && !u.startsWith('data:'));
  for (const uri of external) errors.push(`refers to the outside file "${uri}"; a model must be a single self-contained .glb`);
  const unsupported = (json?.extensionsRequired ?? []).filter((name) => !SUPPORTED_REQUIRED_EXTENSIONS.has(name));
  return {
    errors,
    unsupported: unsupported.map(
      (name) =>
        `needs "${name}"${WHY_UNSUPPORTED[name] ? ` (${WHY_UNSUPPORTED[name]})` : ''}, which the kiosk cannot decode: export the model again without it (plain or quantized meshes, WebP or PNG textures)`,
    ),
    warnings: report.issues.numWarnings,
    nodeNames: new Set((json?.nodes ?? []).map((n) => n.name).filter((n): n is string => !!n)),
    variants: (json?.extensions?.KHR_materials_variants?.variants ?? []).map((v) => v.name ?? ''),
    ...(report.info?.totalTriangleCount !== undefined ? { triangles: report.info.totalTriangleCount } : {}),
    ...(report.info?.drawCallCount !== undefined ? { drawCalls: report.info.drawCallCount } : {}),
  };
}
