/**
 * What a content package may hold. Generous for a museum's real photographs, audio and 3D
 * scans; tight enough that a stick cannot fill the kiosk's disk or memory.
 */
export interface PackageLimits {
  /** Files in the package, `exhibit.json` included. */
  maxFiles: number;
  /** Bytes of any one file. */
  maxFileBytes: number;
  /** Bytes of all files together. */
  maxTotalBytes: number;
  /** Bytes of `exhibit.json`. */
  maxExhibitBytes: number;
  /** Bytes of `manifest.json` (about 150 bytes a file). */
  maxManifestBytes: number;
  /** Bytes of `signature.json`. */
  maxSignatureBytes: number;
  /** Bytes of a `.glb` model: the glTF validator holds it whole, in a worker of its own, at about four times its size (a kiosk model is best under 2 MB). */
  maxModelBytes: number;
  /** Pixels of a picture (width × height): read from its header, then held to while decoding it. */
  maxPixels: number;
  /** Longest side of a picture, pixels. */
  maxImageSide: number;
  /** Seconds of a film or a sound (where its container says its length). */
  maxMediaSeconds: number;
  /** Bytes of a subtitle file (read whole to be checked). */
  maxSubtitleBytes: number;
  /** Uncompressed ÷ compressed size of a zip entry above which it is taken for a zip bomb. */
  maxZipRatio: number;
  /** Folder depth inside the package. */
  maxDepth: number;
  /** Folders in the package. */
  maxFolders: number;
}

/** The limits the kiosk and the CLI apply. */
export const DEFAULT_LIMITS: PackageLimits = {
  maxFiles: 5000,
  maxFileBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxExhibitBytes: 2 * 1024 * 1024,
  maxManifestBytes: 2 * 1024 * 1024,
  maxSignatureBytes: 4 * 1024,
  maxModelBytes: 32 * 1024 * 1024,
  maxPixels: 24_000_000,
  maxImageSide: 8192,
  maxMediaSeconds: 2 * 60 * 60,
  maxSubtitleBytes: 1024 * 1024,
  maxZipRatio: 200,
  maxDepth: 8,
  maxFolders: 1000,
};

/** Bytes in words staff read: `1.5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
