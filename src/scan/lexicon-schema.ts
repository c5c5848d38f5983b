// The shape of a lexicon file (src/scan/lexicons/<lang>.json, see README.md there),
// validated when a scanner is built so a bad file fails with its name and term.
import { z } from "zod";

const Term = z
  .string()
  .min(1)
  .max(80)
  .refine((t) => t.trim() === t && !/\*./.test(t), "terms have no outer spaces and '*' only at the end");

export const LexiconFileSchema = z
  .object({
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$|^global$/),
    concepts: z.record(z.string().regex(/^[a-z_]+$/), z.array(Term)),
    /**
     * Number words → digits ("+" for "plus"; "x2"/"x3" for "double"/"triple": repeat the next digit; "100"…"900"
     * for hundreds; "x100" for a "hundred" a unit before it multiplies ("five hundred"); "&" for a word that joins
     * tens and units: "y" in "treinta y cuatro").
     */
    numberWords: z.record(z.string().min(1), z.string().regex(/^(\d{1,2}|[1-9]00|\+|x2|x3|x100|&)$/)).optional(),
    atWords: z.array(z.string().min(1)).optional(),
    dotWords: z.array(z.string().min(1)).optional(),
    /**
     * Words that make a messenger named beside them the channel a talk moves to: prepositions before it ("on", "auf",
     * "по"), postpositions after it ("पर", "üzerinden") and proclitics glued to its front ("ב", "ب").
     */
    channelWords: z.array(z.string().min(1)).optional(),
    /** Case endings and particles glued to a messenger's name that say the same ("whatsapp'tan", "WhatsAppā", "LINEで", "카톡으로"). */
    channelEndings: z.array(z.string().min(1)).optional(),
    /** Host names and domain endings as people spell them in the language's script → the ASCII label ("яндекс" → "yandex", "קום" → "com"). */
    hostWords: z.record(z.string().min(1), z.string().regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/)).optional(),
  })
  .strict();

export type LexiconFile = z.infer<typeof LexiconFileSchema>;

/** Validates one file; the error names the file and the path of the bad entry. */
export function parseLexicon(name: string, raw: unknown): LexiconFile {
  const r = LexiconFileSchema.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const path = i.path.join(".");
    const value = i.path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string | number, unknown>)[k as string] : undefined), raw);
    return `${path}${typeof value === "string" ? ` (${JSON.stringify(value)})` : ""}: ${i.message}`;
  });
  throw new Error(`lexicon ${name}: ${issues.join("; ")}`);
}
