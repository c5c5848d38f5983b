// namedAsChannel: a messenger's name is the channel a talk moves to only by the words beside it
// (prepositions, proclitics, postpositions, glued case endings), read from the lexicons' channel words.
import { describe, expect, it } from "vitest";
import { namedAsChannel } from "../../src/scan/rules/text.ts";
import { compileLexicons } from "../../src/scan/lexicon.ts";
import { lexiconFiles } from "../../src/scan/lexicons/index.ts";

const { channel } = compileLexicons(lexiconFiles);

/** The name `name` (matched as `term`) in `text`, as a cue would span it. */
function asChannel(text: string, name: string, term = name.toLowerCase()): boolean {
  const start = text.indexOf(name);
  if (start < 0) throw new Error(`${name} not in ${text}`);
  return namedAsChannel(text, { start, end: start + name.length, term }, channel);
}

describe("namedAsChannel", () => {
  it("reads a preposition before the name, across a few spaces", () => {
    expect(asChannel("we can continue on WhatsApp", "WhatsApp")).toBe(true);
    expect(asChannel("wir können auf  WhatsApp schreiben", "WhatsApp")).toBe(true);
    expect(asChannel("можем пообщаться в ватсапе", "ватсапе", "ватсап*")).toBe(true);
  });
  it("reads a proclitic glued to the name's front, and nothing else glued there", () => {
    expect(asChannel("נוכל לדבר בוואטסאפ", "וואטסאפ")).toBe(true);
    expect(asChannel("mywhatsapp is broken", "whatsapp")).toBe(false);
  });
  it("reads a postposition after the name", () => {
    expect(asChannel("hum WhatsApp pe baat kar sakte hain", "WhatsApp")).toBe(true);
  });
  it("reads a case ending or particle glued after the name, or inside a stem match", () => {
    expect(asChannel("WhatsApp'tan yazalım", "WhatsApp")).toBe(true);
    expect(asChannel("LINEで話しませんか", "LINE")).toBe(true);
    expect(asChannel("카톡으로 연락해", "카톡")).toBe(true);
    expect(asChannel("whatsapptan devam edelim", "whatsapptan", "whatsapp*")).toBe(true);
  });
  it("does not take a whole name's last letter for an ending ('skype' is no 'skyp' + 'e')", () => {
    expect(asChannel("skype lets discuss", "skype")).toBe(false);
  });
  it("is false for a name used as a thing: a bot, a post, an integration", () => {
    expect(asChannel("I build WhatsApp bots", "WhatsApp")).toBe(false);
    expect(asChannel("we could integrate whatsapp", "whatsapp")).toBe(false);
    expect(asChannel("let's plan the instagram posts", "instagram")).toBe(false);
  });
  it("is false without channel words (a bare kit)", () => {
    expect(namedAsChannel("talk on whatsapp", { start: 8, end: 16, term: "whatsapp" }, { words: new Set(), endings: [] })).toBe(false);
  });
});
