// What the emitters hand to client-parts.ts: a run of top-level statements printed alone, and the
// stand-ins printed where the operations' and models' parts are joined in.

/** Stand-ins printed where the operations' parts go; each is replaced by the parts' lines. */
export const PLACEHOLDERS = {
  errors: '__specmillErrors__',
  methods: '__specmillMethods__',
  specs: '__specmillSpecs__',
  firstCall: '__specmillFirstCall__',
  otherCalls: '__specmillOtherCalls__',
  models: '__specmillModels__',
} as const;

/** Top-level statements printed alone, and whether ts-morph puts a blank line before the first. */
export interface PrintedPiece {
  text: string;
  block: boolean;
}
