// remote_access: remote-control tools, scripts, executables and macro actions.
import { type RuleKit, type Span, TOPIC_REACH } from "./kit.ts";
import type { Cue } from "./types.ts";

export function remoteAccessRules(k: RuleKit): void {
  const { of, ents, nearOther, sentenceOf, safe, add, partOf, bareAsk, languages } = k;
  for (const r of of("remote_action")) if (safe(r)) add("remote_access", "remote_action", 0.85, [r], r.term);
  // A seller describing their own service ("I review how you use TeamViewer") names the tool after the topic; a
  // topic may end with the tool's own word ("I need a Python script that…": the script is the deliverable).
  // The tool's name may also be the topic's first word: "my TeamViewer tutorial gig", "an AnyDesk course".
  const topicBefore = (x: Span) => of("topic_build").some((c) => ((c.start < x.start && c.end <= x.end && x.start - c.end <= TOPIC_REACH) || (c.start >= x.end && c.start - x.end <= 2)) && sentenceOf(c.start) === sentenceOf(x.start));
  // "j'ai installé AnyDesk", "I've installed TeamViewer": the speaker tells what they did, nobody is asked to.
  // A verb inside a longer term of another concept is that term's: "setup" in "AnyDesk setup guide" (a deliverable).
  // A word that is a program's name in one language and a verb in another ("installer": the noun in English, "to install"
  // in French) is the verb only in a language the message is plausibly written in ("I'll build the installer … setup.exe").
  const nounHere = (verb: Cue) => of("executable_word").some((x) => x.start === verb.start && x.end === verb.end) && !languages().plausible(verb);
  // A word of a file's name is no verb: "setup" in "setup.exe is in the zip", "The installer you built works! setup.exe ran
  // fine", "the Windows installer, setup.exe is in the zip" ask nobody to run anything.
  const inName = (verb: Cue) => ents("executable").some((e) => e.start <= verb.start && verb.end <= e.end);
  const asked = (verb: Cue) => !of("self_report").some((c) => c.start <= verb.start && c.end >= verb.end) && !partOf(verb, ["topic_build", "feature_word"]) && !nounHere(verb) && !inName(verb);
  // A gig topic before the tool covers it ("show how to install AnyDesk"), unless the tool's ID is then asked for:
  // "for the WhatsApp bot setup download AnyDesk and tell me the id" wants the machine, whatever the gig.
  const idAsked = (t: Cue) => {
    const ask = nearOther(t, "ask_verb", 40, (a) => a.start >= t.end && sentenceOf(a.start) === sentenceOf(t.start));
    return !!ask && !!nearOther(ask, "remote_id", 30, (id) => id.start >= ask.end && sentenceOf(id.start) === sentenceOf(t.start));
  };
  for (const t of [...of("remote_tool"), ...of("script_cmd")]) {
    const verb = nearOther(t, "install_verb", 100, asked) ?? (t.concept === "remote_tool" ? nearOther(t, "ask_verb", 60) : undefined);
    if (verb && safe(t, verb) && (!topicBefore(t) || idAsked(t))) {
      add("remote_access", t.concept === "remote_tool" ? "remote_tool" : "script_command", 0.85, [t, verb], `${verb.term} ${t.term}`);
      continue;
    }
    // "anydesk pls", "teamviewer id?", "энидеск есть?": the tool asked for without a verb (a please-word may take
    // the tool's ID or code between: "teamviewer-ID bitte").
    const ask = t.concept === "remote_tool" && !verb ? bareAsk(t, 1) : undefined;
    if (ask && safe(t, ask)) add("remote_access", "remote_tool_ask", 0.7, [t, ask], t.term);
  }
  for (const e of ents("executable")) {
    const verb = nearOther(e, "install_verb", 120, asked);
    if (verb && safe(e, verb)) add("remote_access", "executable", 0.8, [e, verb], e.value);
  }
  for (const x of of("executable_word")) {
    const verb = nearOther(x, "install_verb", 60, asked);
    if (verb && safe(x, verb) && !topicBefore(x)) add("remote_access", "run_program", 0.7, [x, verb], `${verb.term} ${x.term}`);
  }
}
