// What the end-to-end tests and the benchmark leave on the page's window to read back later
// (set with addInitScript or evaluate): typed once here instead of cast at each use.
export {};

declare global {
  interface Window {
    /** Pointer events seen on the 3D canvas, by type (model.spec). */
    seen: Record<string, number>;
    /** WebGL contexts the page has created (model.spec's memory test). */
    webglContexts: number;
    /** The 3D canvas's WEBGL_lose_context extension, kept to restore the context (model.spec). */
    lose: WEBGL_lose_context;
    /** Frames the page has drawn since the benchmark started counting (bench). */
    __benchFrames: { frames: number };
    /** When the benchmark's tap was answered on screen, in page milliseconds (bench). */
    __tap: Promise<number>;
    /** When the benchmark's tap on a film's play button showed the film's first frame (bench). */
    __film: Promise<number>;
    /** When the benchmark's tap on a 3D card had the other object ready on screen (bench). */
    __switch: Promise<number>;
  }
}
