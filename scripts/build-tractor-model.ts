/**
 * Builds assets/content/models/dt54.glb: the DT-54 / Dongfanghong-54 crawler tractor.
 *
 *   npx tsx scripts/build-tractor-model.ts
 *
 * Geometry is made with three.js in Node, assembled with glTF-Transform (named nodes, instanced
 * track shoes, two liveries as KHR_materials_variants), lettered with textures drawn by headless
 * Chromium, then deduplicated, welded, pruned and quantized. Prints triangles, draw calls, bytes
 * and the Khronos validator's findings; exits 1 when a budget is exceeded or the validator
 * reports an error. Deterministic: the same inputs give the same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Document, NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS, InstancedMesh } from '@gltf-transform/extensions';
import { dedup, prune, quantize, weld } from '@gltf-transform/functions';
import { HEIGHT, LENGTH, WIDTH } from './tractor/dimensions.ts';
import { VARIANTS, assemble } from './tractor/document.ts';
import { renderLettering } from './tractor/lettering.ts';
import { buildParts, worldBounds } from './tractor/parts.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_PATH = join(ROOT, 'assets/content/models/dt54.glb');

export const BUDGET = { triangles: 60_000, drawCalls: 40, bytes: 1_536 * 1024 };
/** How far (m) the model's extent may stray from the tractor sheet's figures. */
const SIZE_TOLERANCE = 0.01;

/** Nodes the viewer flies to; each must exist, with a mesh somewhere under it. */
export const REQUIRED_NODES = [
  'dt54',
  'hood',
  'radiator',
  'exhaust',
  'cab',
  'seat',
  'levers',
  'sprocket_l',
  'sprocket_r',
  'idler_l',
  'idler_r',
  'carriage_l_front',
  'carriage_l_rear',
  'carriage_r_front',
  'carriage_r_rear',
  'track_l',
  'track_r',
  'fuel_tank',
  'drawbar',
  'badge',
] as const;

interface ValidationReport {
  issues: {
    numErrors: number;
    numWarnings: number;
    numInfos: number;
    numHints: number;
    messages: Array<{ code: string; message: string; severity: number; pointer?: string }>;
  };
}
const require = createRequire(import.meta.url);
const validator = require('gltf-validator') as {
  validateBytes(data: Uint8Array, options?: { maxIssues?: number; format?: 'glb' | 'gltf' }): Promise<ValidationReport>;
};

export interface ModelStats {
  triangles: number;
  drawCalls: number;
}

/** Triangles as drawn (instances included) and draw calls (one per primitive per node). */
export function modelStats(doc: Document): ModelStats {
  let triangles = 0;
  let drawCalls = 0;
  for (const node of doc.getRoot().listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const batch = node.getExtension<InstancedMesh>('EXT_mesh_gpu_instancing');
    const instances = batch?.getAttribute('TRANSLATION')?.getCount() ?? 1;
    for (const prim of mesh.listPrimitives()) {
      const count = prim.getIndices()?.getCount() ?? prim.getAttribute('POSITION')?.getCount() ?? 0;
      triangles += (count / 3) * instances;
      drawCalls += 1;
    }
  }
  return { triangles, drawCalls };
}

async function main(): Promise<void> {
  const lettering = await renderLettering([
    { text: 'ДТ-54', color: '#efe8d4', width: 512, height: 128, size: 104, weight: 800, letterSpacing: '0.04em' },
    { text: '东方红', color: '#f7e7a6', width: 512, height: 128, size: 100, weight: 800, letterSpacing: '0.3em' },
  ]);
  const tractor = buildParts();
  const { parts, shoe, layout } = tractor;
  const bounds = worldBounds(tractor);
  const doc = assemble({
    parts,
    shoe,
    layout,
    lettering: { dt54: new Uint8Array(lettering[0]!), dongfanghong: new Uint8Array(lettering[1]!) },
  });

  await doc.transform(
    dedup(),
    weld(),
    prune({ keepLeaves: false }),
    quantize({ quantizePosition: 14, quantizeNormal: 10, quantizeTexcoord: 12 }),
  );
  // quantize() gives each track node its own copy of the instancing batch: drop the original.
  const liveBatches = new Set(
    doc
      .getRoot()
      .listNodes()
      .map((n) => n.getExtension<InstancedMesh>('EXT_mesh_gpu_instancing')),
  );
  for (const accessor of doc.getRoot().listAccessors()) {
    for (const parent of accessor.listParents()) if (parent instanceof InstancedMesh && !liveBatches.has(parent)) parent.dispose();
  }
  await doc.transform(prune({ keepLeaves: false }));

  const io = new NodeIO().registerExtensions(ALL_EXTENSIONS);
  const glb = await io.writeBinary(doc);
  await mkdir(dirname(MODEL_PATH), { recursive: true });
  await writeFile(MODEL_PATH, glb);

  const report = await validator.validateBytes(glb, { maxIssues: 200 });
  const { triangles, drawCalls } = modelStats(doc);
  const { issues } = report;

  const names = new Set(
    doc
      .getRoot()
      .listNodes()
      .map((n) => n.getName()),
  );
  const missing = REQUIRED_NODES.filter((n) => !names.has(n));

  console.log(`model        ${MODEL_PATH}`);
  console.log(`shoes        ${layout.shoes.length} per track, sprocket pitch radius ${layout.sprocketR.toFixed(4)} m`);
  console.log(`triangles    ${triangles} (budget ${BUDGET.triangles})`);
  console.log(`draw calls   ${drawCalls} (budget ${BUDGET.drawCalls})`);
  console.log(`bytes        ${glb.byteLength} (${(glb.byteLength / 1024).toFixed(1)} KB, budget ${BUDGET.bytes / 1024} KB)`);
  console.log(`variants     ${VARIANTS.join(', ')}`);
  console.log(
    `validator    ${issues.numErrors} errors, ${issues.numWarnings} warnings, ${issues.numInfos} infos, ${issues.numHints} hints`,
  );
  for (const m of issues.messages.filter((x) => x.severity <= 1)) {
    console.log(`  ${m.severity === 0 ? 'error' : 'warning'} ${m.code} ${m.pointer ?? ''}: ${m.message}`);
  }
  const size = { length: bounds.max.z - bounds.min.z, width: bounds.max.x - bounds.min.x, height: bounds.max.y };
  console.log(
    `size         ${size.length.toFixed(3)} × ${size.width.toFixed(3)} × ${size.height.toFixed(3)} m (sheet ${LENGTH} × ${WIDTH} × ${HEIGHT}); ground ${bounds.min.y.toFixed(3)}, front ${bounds.max.z.toFixed(3)}, rear ${bounds.min.z.toFixed(3)}`,
  );
  const offSize =
    Math.abs(size.length - LENGTH) > SIZE_TOLERANCE ||
    Math.abs(size.width - WIDTH) > SIZE_TOLERANCE ||
    Math.abs(size.height - HEIGHT) > SIZE_TOLERANCE ||
    Math.abs(bounds.min.y) > SIZE_TOLERANCE ||
    Math.abs(bounds.max.x + bounds.min.x) > SIZE_TOLERANCE ||
    Math.abs(bounds.max.z + bounds.min.z) > SIZE_TOLERANCE;
  if (offSize) console.log('size is off the tractor sheet');
  if (missing.length) console.log(`missing nodes: ${missing.join(', ')}`);

  const over =
    triangles > BUDGET.triangles ||
    drawCalls > BUDGET.drawCalls ||
    glb.byteLength > BUDGET.bytes ||
    issues.numErrors > 0 ||
    missing.length > 0 ||
    offSize;
  if (over) {
    console.error('FAILED: a budget is exceeded, a node is missing, the size is off or the validator reports errors');
    process.exit(1);
  }
}

await main();
