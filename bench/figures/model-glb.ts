/** `model-glb`: the size of the built-in tractor model. */
import fs from 'node:fs';
import { figure, type Figures } from '../lib.ts';

export function modelGlb(): Figures {
  const kb = fs.statSync('assets/content/models/dt54.glb').size / 1024;
  return { 'model-glb': figure([kb], 'KB', { target: '≤ 1536' }) };
}
