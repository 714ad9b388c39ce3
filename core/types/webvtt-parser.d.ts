/** The part of w3c/webvtt.js (`webvtt-parser`) the subtitle check uses. */
declare module 'webvtt-parser' {
  /** A node of a cue's text: text, a timestamp, or a tag (`b`, `i`, `u`, `c`, `v`, `lang`, `ruby`, `rt`) with its children. */
  export interface CueNode {
    type: 'text' | 'timestamp' | 'object';
    name?: string;
    value?: string | number;
    children?: CueNode[];
  }
  /** One cue: its times in seconds and its text, parsed. */
  export interface Cue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: CueNode;
  }
  /** A problem the parser found, on a line counted from 1. */
  export interface ParseError {
    message: string;
    line: number;
    col?: number;
  }
  /** The WebVTT parser of the W3C validator. */
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: Cue[]; errors: ParseError[]; time: number };
  }
  /** The module as Node loads it (a CommonJS module whose exports Node cannot name). */
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
