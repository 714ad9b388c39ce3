/**
 * The page that renders the tractor in Chromium: three.js from node_modules through an import
 * map, the model loaded with GLTFLoader, a livery chosen through KHR_materials_variants, warm
 * paper background, hemisphere + directional light, a soft ground shadow. No text on screen.
 *
 * The page exposes `window.renderView(view)`, which resolves once the frame is drawn.
 */

export interface View {
  variant: 'dt54' | 'dongfanghong';
  /** Camera position and the point it looks at, metres. */
  eye: [number, number, number];
  target: [number, number, number];
  fov: number;
}

export const PAPER = '#efe6d2';

const SCRIPT = String.raw`
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';

const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setPixelRatio(window.devicePixelRatio);
renderer.setSize(innerWidth, innerHeight);
renderer.outputColorSpace = THREE.SRGBColorSpace;
renderer.toneMapping = THREE.NeutralToneMapping;
renderer.toneMappingExposure = 1.0;
renderer.shadowMap.enabled = true;
renderer.shadowMap.type = THREE.PCFShadowMap;
document.body.appendChild(renderer.domElement);

const scene = new THREE.Scene();
scene.background = new THREE.Color('${PAPER}');
const pmrem = new THREE.PMREMGenerator(renderer);
scene.environment = pmrem.fromScene(new RoomEnvironment(), 0.04).texture;
scene.environmentIntensity = 0.5;

scene.add(new THREE.HemisphereLight(0xfff8ec, 0x9c8a6a, 1.0));
const sun = new THREE.DirectionalLight(0xfff2dc, 2.8);
sun.position.set(5, 8, 2.5);
sun.castShadow = true;
sun.shadow.mapSize.set(2048, 2048);
sun.shadow.radius = 5;
sun.shadow.blurSamples = 16;
sun.shadow.bias = -0.0004;
sun.shadow.normalBias = 0.02;
Object.assign(sun.shadow.camera, { left: -3.2, right: 3.2, top: 3.2, bottom: -3.2, near: 1, far: 20 });
scene.add(sun);

// ground: a shadow catcher over the paper colour, plus a soft contact blob under the machine
const ground = new THREE.Mesh(new THREE.PlaneGeometry(40, 40), new THREE.ShadowMaterial({ color: 0x4a3b22, opacity: 0.22 }));
ground.rotation.x = -Math.PI / 2;
ground.receiveShadow = true;
scene.add(ground);
const blobCanvas = document.createElement('canvas');
blobCanvas.width = blobCanvas.height = 256;
const g = blobCanvas.getContext('2d');
const grad = g.createRadialGradient(128, 128, 10, 128, 128, 128);
grad.addColorStop(0, 'rgba(60,45,25,0.55)');
grad.addColorStop(0.55, 'rgba(60,45,25,0.22)');
grad.addColorStop(1, 'rgba(60,45,25,0)');
g.fillStyle = grad;
g.fillRect(0, 0, 256, 256);
const blobTex = new THREE.CanvasTexture(blobCanvas);
blobTex.colorSpace = THREE.SRGBColorSpace;
const blob = new THREE.Mesh(new THREE.PlaneGeometry(2.9, 5.0), new THREE.MeshBasicMaterial({ map: blobTex, transparent: true, depthWrite: false, toneMapped: false }));
blob.rotation.x = -Math.PI / 2;
blob.position.y = 0.001;
scene.add(blob);

const camera = new THREE.PerspectiveCamera(30, innerWidth / innerHeight, 0.05, 100);

const gltf = await new GLTFLoader().loadAsync('/model.glb');
const model = gltf.scene;
model.traverse((o) => {
  if (o.isMesh) {
    o.castShadow = true;
    o.receiveShadow = true;
  }
});
scene.add(model);

const parser = gltf.parser;
const variantNames = (parser.json.extensions?.KHR_materials_variants?.variants ?? []).map((v) => v.name);

async function selectVariant(name) {
  const index = variantNames.indexOf(name);
  if (index < 0) throw new Error('no variant ' + name);
  const meshes = [];
  model.traverse((o) => { if (o.isMesh) meshes.push(o); });
  for (const mesh of meshes) {
    const ext = mesh.userData.gltfExtensions?.KHR_materials_variants;
    if (!ext) continue;
    if (!mesh.userData.originalMaterial) mesh.userData.originalMaterial = mesh.material;
    const mapping = ext.mappings.find((m) => m.variants.includes(index));
    if (mapping) {
      mesh.material = await parser.getDependency('material', mapping.material);
      parser.assignFinalMaterial(mesh);
    } else {
      mesh.material = mesh.userData.originalMaterial;
    }
  }
}

window.modelInfo = () => {
  const box = new THREE.Box3().setFromObject(model);
  const names = {};
  for (const n of ['hood','radiator','exhaust','cab','seat','levers','sprocket_l','sprocket_r','idler_l','idler_r','carriage_l_front','carriage_l_rear','carriage_r_front','carriage_r_rear','track_l','track_r','fuel_tank','drawbar','badge']) {
    const o = model.getObjectByName(n);
    if (!o) { names[n] = null; continue; }
    const b = new THREE.Box3().setFromObject(o);
    names[n] = [b.min.toArray().map((v) => +v.toFixed(3)), b.max.toArray().map((v) => +v.toFixed(3))];
  }
  return { min: box.min.toArray(), max: box.max.toArray(), variants: variantNames, names, renderer: renderer.getContext().getParameter(renderer.getContext().RENDERER) };
};

window.renderView = async (view) => {
  await selectVariant(view.variant);
  camera.fov = view.fov;
  camera.aspect = innerWidth / innerHeight;
  camera.position.set(...view.eye);
  camera.lookAt(...view.target);
  camera.updateProjectionMatrix();
  renderer.setSize(innerWidth, innerHeight);
  renderer.render(scene, camera);
  await new Promise((r) => requestAnimationFrame(() => r()));
  renderer.render(scene, camera);
  return true;
};
window.pageReady = true;
`;

export const PAGE = `<!doctype html>
<html><head><meta charset="utf-8">
<style>html,body{margin:0;height:100%;overflow:hidden;background:${PAPER}}canvas{display:block}</style>
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/"}}</script>
</head><body>
<script type="module">${SCRIPT}</script>
</body></html>`;
