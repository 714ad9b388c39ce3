import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { LoadedModel } from './load-model.ts';
import { useLatest } from './useLatest.ts';

/**
 * Context loss: the viewer shows the poster (`onContext('lost')`); three restores its resources
 * when the context returns, the model's textures go up again, and `onRestored` redraws.
 */
export function useContextLoss(model: LoadedModel | null, onContext: (state: 'ok' | 'lost') => void, onRestored: () => void): void {
  const gl = useThree((s) => s.gl);
  const latest = useLatest({ model, onContext, onRestored });

  useEffect(() => {
    const canvas = gl.domElement;
    const lost = (event: Event) => {
      event.preventDefault();
      latest.current.onContext('lost');
    };
    const restored = () => {
      latest.current.onContext('ok');
      // three starts its resources afresh; every livery's textures go up again, as at load.
      latest.current.model?.upload(gl);
      latest.current.onRestored();
    };
    canvas.addEventListener('webglcontextlost', lost);
    canvas.addEventListener('webglcontextrestored', restored);
    return () => {
      canvas.removeEventListener('webglcontextlost', lost);
      canvas.removeEventListener('webglcontextrestored', restored);
    };
  }, [gl, latest]);
}
