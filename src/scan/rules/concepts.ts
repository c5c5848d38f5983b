// The lexicon concepts the rules ask about, as small integers: a message's cues are filed in an array by
// concept id once, and every `of("secret")` / `near(x, "secret")` is then an index, not a string lookup
// (the rules ask thousands of times in a long message). Concepts not listed are never asked for by name.
export const CONCEPT_ID = {
  account_threat: 0,
  ask_marker: 1,
  ask_question: 2,
  ask_verb: 3,
  brand: 4,
  code_source: 5,
  code_word: 6,
  contact_detail: 7,
  contact_request: 8,
  contact_verb: 9,
  executable_word: 10,
  feature_word: 11,
  full_number: 12,
  inside_platform: 13,
  install_verb: 14,
  meeting: 15,
  messenger: 16,
  negation: 17,
  outside: 18,
  partial_digits: 19,
  pay_method: 20,
  pay_outside: 21,
  pay_timing: 22,
  pay_verb: 23,
  proposal: 24,
  remote_action: 25,
  remote_tool: 26,
  reported_scam: 27,
  rule_quote: 28,
  script_cmd: 29,
  secret: 30,
  self_report: 31,
  self_service: 32,
  staff_claim: 33,
  staff_reference: 34,
  staff_role: 35,
  topic_build: 36,
  notice_subject: 37,
  notice_state: 38,
  greeting: 39,
  have_question: 40,
  refusal: 41,
  ask_ending: 42,
  content_frame: 43,
  past_habit: 44,
  content_sample: 45,
  content_quote: 46,
  platform_question: 47,
  content_heading: 48,
  talk_verb: 49,
  not_here: 50,
  remote_id: 51,
} as const;

export type Concept = keyof typeof CONCEPT_ID;
export const CONCEPT_COUNT = Object.keys(CONCEPT_ID).length;

/** A cue's concept id, or -1 for a concept no rule asks about (a Map: a cue's concept may be any string). */
const ID_BY_NAME = new Map<string, number>(Object.entries(CONCEPT_ID));
export const conceptId = (name: string): number => ID_BY_NAME.get(name) ?? -1;
