/** The stored shape of a certification; the drafting model lives in src/domain. */
export interface StoredCertification {
  id: string;
  clientId: string;
  certificationYear: number;
  status: 'draft' | 'ready' | 'signed' | 'filed';
  filedOn?: string;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}
