export interface AuditFinding {
  scan: string;
  check: string;
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  file: string;
  line: number;
  sample: string;
  description: string;
  /** HIGH or MEDIUM and not accepted in scripts/electronegativity.json. */
  blocking: boolean;
  accepted: boolean;
}
export function auditConfig(): {
  scans: { input: string; exclude?: Record<string, string> }[];
  accepted: { scan?: string; check: string; file?: string; sample?: string; why: string }[];
};
export function audit(): Promise<{ findings: AuditFinding[]; errors: { scan: string; file?: string; message?: string }[] }>;
