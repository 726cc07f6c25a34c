import { createContext, useContext } from 'react';
import type { PlaceCandidate, Result } from '../../../shared/api';

/** What the details editor may ask about the open document, beyond the annotation itself. */
export interface DocumentAnalysis {
  /** The places a name may be in the open document, likeliest first. */
  placeCandidates(name: string): Promise<Result<PlaceCandidate[]>>;
  /** People and organisations the document names, most mentioned first: candidate claimants. */
  names: readonly string[];
}

const NONE: DocumentAnalysis = {
  placeCandidates: () => Promise.resolve({ ok: true, value: [] }),
  names: [],
};

export const DocumentAnalysisContext = createContext<DocumentAnalysis>(NONE);

export const useDocumentAnalysis = (): DocumentAnalysis => useContext(DocumentAnalysisContext);
