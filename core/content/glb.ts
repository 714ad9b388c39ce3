/**
 * Checking a `.glb` with the Khronos glTF validator, and reading what hotspots and liveries
 * refer to: node names and KHR_materials_variants names.
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { NOFOLLOW } from './files.ts';
import { parseJsonBounded } from './json.ts';
import { formatBytes } from './limits.ts';

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

/** The fields of a model's JSON the kiosk reads; from a stick, so any of them may be of any type. */
interface GltfJson {
  extensionsRequired?: unknown;
  nodes?: unknown;
  buffers?: unknown;
  images?: unknown;
  extensions?: { KHR_materials_variants?: { variants?: unknown } };
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

/** Largest JSON chunk a model may have (the built-in tractor's is 40 KB; the validator holds it many times over). */
const MAX_GLB_JSON_BYTES = 4 * 1024 * 1024;
/** How long the glTF validator may take over one model, and how much heap it may use. */
export const GLB_CHECK_LIMITS = { timeoutMs: 120_000, heapMb: 160 };

/** The parsed JSON chunk of a GLB, or why it cannot be read; nesting is bounded before parsing. */
export function readGlbJson(bytes: Uint8Array): { ok: true; json: GltfJson } | { ok: false; message: string } {
  if (bytes.length < 20) return { ok: false, message: 'is not a glTF binary (too short)' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x46546c67 || view.getUint32(4, true) !== 2) return { ok: false, message: 'is not a glTF 2.0 binary' };
  const length = view.getUint32(12, true);
  if (view.getUint32(16, true) !== 0x4e4f534a || 20 + length > bytes.length) return { ok: false, message: 'has a damaged JSON chunk' };
  const parsed = parseJsonBounded(new TextDecoder().decode(bytes.subarray(20, 20 + length)));
  if (!parsed.ok) return { ok: false, message: `its JSON chunk ${parsed.message}` };
  return parsed.value && typeof parsed.value === 'object'
    ? { ok: true, json: parsed.value }
    : { ok: false, message: 'its JSON chunk is not an object' };
}

/** The GLB header and JSON chunk of a file, read without reading the binary chunk. */
async function readGlbHead(file: string): Promise<Uint8Array | string> {
  const handle = await fs.open(file, fs.constants.O_RDONLY | NOFOLLOW);
  try {
    const header = Buffer.alloc(20);
    const { bytesRead } = await handle.read(header, 0, 20, 0);
    if (bytesRead < 20) return 'is not a glTF binary (too short)';
    const length = header.readUInt32LE(12);
    if (length > MAX_GLB_JSON_BYTES)
      return `has a JSON chunk of ${formatBytes(length)}, more than the ${formatBytes(MAX_GLB_JSON_BYTES)} allowed`;
    const head = Buffer.alloc(20 + length);
    header.copy(head);
    const rest = await handle.read(head, 20, length, 20);
    return head.subarray(0, 20 + rest.bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The Khronos validator, run in a worker thread of its own: its compiled Dart can overflow its
 * stack or throw outside any promise on a hostile file, which in the kiosk's own thread would
 * take the kiosk down. The worker has a heap limit and a time limit; whatever happens to it is
 * one refusal. Plain CommonJS source, so that it runs the same from the sources, the built hosts
 * and the CLI; the validator's path is resolved here and handed over.
 */
const VALIDATOR_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { validateBytes } = require(workerData.validator);
(async () => {
  const file = fs.readFileSync(workerData.file);
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  const report = await validateBytes(bytes, {
    uri: 'model.glb', format: 'glb', writeTimestamp: false, maxIssues: 50,
    externalResourceFunction: (uri) => Promise.reject(new Error('outside resource ' + uri)),
  });
  parentPort.postMessage({
    errors: report.issues.messages.filter((m) => m.severity === 0).map((m) => 'the glTF validator refuses it: ' + m.message + (m.pointer ? ' (at ' + m.pointer + ')' : '') + ' [' + m.code + ']'),
    warnings: report.issues.numWarnings,
    triangles: report.info && report.info.totalTriangleCount,
    drawCalls: report.info && report.info.drawCallCount,
  });
})().catch((error) => parentPort.postMessage({ failed: String((error && error.message) || error) }));
`;

interface ValidatorAnswer {
  errors?: string[];
  warnings?: number;
  triangles?: number;
  drawCalls?: number;
  failed?: string;
}

/**
 * Where the validator's script is: beside a host's bundle (`gltf-validator/`, copied there by
 * scripts/build.mjs; outside the asar of a packaged kiosk, where a worker can load it), else in
 * node_modules (the sources, the tests, the CLI).
 */
function validatorScript(): string {
  const built = fileURLToPath(new URL('./gltf-validator/index.js', import.meta.url));
  for (const candidate of [built.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked'), built])
    if (fsSync.existsSync(candidate)) return candidate;
  return createRequire(import.meta.url).resolve('gltf-validator');
}

function runValidator(file: string, limits = GLB_CHECK_LIMITS): Promise<ValidatorAnswer> {
  const validator = validatorScript();
  return new Promise((resolve) => {
    const worker = new Worker(VALIDATOR_WORKER, {
      eval: true,
      // The worker is plain CommonJS: none of the parent's loaders or flags (tsx, --input-type=module).
      execArgv: [],
      workerData: { file, validator },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (answer: ValidatorAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ failed: `it took longer than ${Math.round(limits.timeoutMs / 1000)} s` }), limits.timeoutMs);
    worker.once('message', (answer: ValidatorAnswer) => finish(answer));
    worker.once('error', (error) => finish({ failed: error.message }));
    worker.once('exit', (code) => finish({ failed: `it stopped (exit code ${code})` }));
  });
}

/**
 * What the kiosk needs of a model's JSON: the outside files it names, the extensions it requires
 * that the kiosk cannot read, its node names and its variants. Taken in a function of its own so
 * that the parsed document is gone before the validator (in its worker) holds its own copy.
 */
function modelFacts(
  head: Uint8Array,
): { external: string[]; unsupported: string[]; nodeNames: Set<string>; variants: string[] } | { message: string } {
  const read = readGlbJson(head);
  if (!read.ok) return { message: read.message };
  const { json } = read;
  const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
  return {
    external: [...list<{ uri?: unknown }>(json.buffers), ...list<{ uri?: unknown }>(json.images)]
      .map((b) => b?.uri)
      .filter((u): u is string => typeof u === 'string' && !u.startsWith('data:')),
    unsupported: list<unknown>(json.extensionsRequired).filter(
      (name): name is string => typeof name === 'string' && !SUPPORTED_REQUIRED_EXTENSIONS.has(name),
    ),
    nodeNames: new Set(
      list<{ name?: unknown }>(json.nodes)
        .map((n) => n?.name)
        .filter((n): n is string => typeof n === 'string' && n !== ''),
    ),
    variants: list<{ name?: unknown }>(json.extensions?.KHR_materials_variants?.variants).map((v) =>
      typeof v?.name === 'string' ? v.name : '',
    ),
  };
}

/**
 * Validates a GLB file; outside files are never read (a kiosk model is self-contained). The
 * file's size is the caller's to bound; its JSON chunk is read and its nesting bounded here
 * before any parser or the validator sees it.
 */
export async function checkGlb(file: string, limits = GLB_CHECK_LIMITS): Promise<GlbReport> {
  const refused = (message: string): GlbReport => ({ errors: [message], unsupported: [], warnings: 0, nodeNames: new Set(), variants: [] });
  const head = await readGlbHead(file);
  if (typeof head === 'string') return refused(head);
  const facts = modelFacts(head);
  if ('message' in facts) return refused(facts.message);
  const { external, unsupported, nodeNames, variants } = facts;
  const answer = await runValidator(file, limits);
  if (answer.failed !== undefined) return refused(`could not be checked by the glTF validator: ${answer.failed}`);
  const errors = [...(answer.errors ?? [])];
  for (const uri of external) errors.push(`refers to the outside file "${uri}"; a model must be a single self-contained .glb`);
  return {
    errors,
    unsupported: unsupported.map(
      (name) =>
        `needs "${name}"${WHY_UNSUPPORTED[name] ? ` (${WHY_UNSUPPORTED[name]})` : ''}, which the kiosk cannot decode: export the model again without it (plain or quantized meshes, WebP or PNG textures)`,
    ),
    warnings: answer.warnings ?? 0,
    nodeNames,
    variants,
    ...(typeof answer.triangles === 'number' ? { triangles: answer.triangles } : {}),
    ...(typeof answer.drawCalls === 'number' ? { drawCalls: answer.drawCalls } : {}),
  };
}
