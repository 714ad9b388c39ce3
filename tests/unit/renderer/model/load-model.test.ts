import { describe, expect, it } from 'vitest';
import { extensionsUsed } from '../../../../renderer/model/load-model.ts';

function glb(json: object): ArrayBuffer {
  let text = JSON.stringify(json);
  while (text.length % 4) text += ' ';
  const body = new TextEncoder().encode(text);
  const out = new DataView(new ArrayBuffer(20 + body.length));
  out.setUint32(0, 0x46546c67, true);
  out.setUint32(4, 2, true);
  out.setUint32(8, 20 + body.length, true);
  out.setUint32(12, body.length, true);
  out.setUint32(16, 0x4e4f534a, true);
  new Uint8Array(out.buffer, 20).set(body);
  return out.buffer;
}

describe('extensionsUsed', () => {
  it('reads a .glb header without parsing the model, so the meshopt decoder loads only when needed', () => {
    expect(extensionsUsed(glb({ asset: { version: '2.0' }, extensionsUsed: ['EXT_meshopt_compression', 'KHR_materials_variants'] }))).toEqual([
      'EXT_meshopt_compression',
      'KHR_materials_variants',
    ]);
    expect(extensionsUsed(glb({ asset: { version: '2.0' } }))).toEqual([]);
  });

  it('reads a .gltf JSON file too, and gives nothing for something else', () => {
    expect(extensionsUsed(new TextEncoder().encode('{"extensionsUsed":["EXT_mesh_gpu_instancing"]}').buffer as ArrayBuffer)).toEqual(['EXT_mesh_gpu_instancing']);
    expect(extensionsUsed(new Uint8Array([1, 2, 3]).buffer)).toEqual([]);
  });
});
