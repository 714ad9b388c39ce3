import { CanvasTexture, SRGBColorSpace } from 'three';

/** A soft, round shadow under the model, drawn once into a small canvas: no image file, no shadow map. */
export function groundShadowTexture(): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 128;
  const g = canvas.getContext('2d')!;
  const gradient = g.createRadialGradient(64, 64, 0, 64, 64, 64);
  gradient.addColorStop(0, 'rgba(58, 44, 30, 0.55)');
  gradient.addColorStop(0.45, 'rgba(58, 44, 30, 0.32)');
  gradient.addColorStop(1, 'rgba(58, 44, 30, 0)');
  g.fillStyle = gradient;
  g.fillRect(0, 0, 128, 128);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}
