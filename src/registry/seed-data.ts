// The default registry (official accounts, channels, platform profile) shipped
// in src/data/official-registry.json, validated on load.
import { z } from "zod";
import raw from "../data/official-registry.json" with { type: "json" };

const Localized = z.record(z.string(), z.string());

export const RegistryFileSchema = z.object({
  platform: z.object({
    name: z.string(),
    brandWords: z.array(z.string().min(1)).min(1),
    domains: z.array(z.string().min(1)),
    badgeLabel: Localized,
  }),
  accounts: z.array(
    z.object({ handle: z.string(), platformUserId: z.string(), team: z.string(), purpose: Localized, displayName: z.string().optional() }),
  ),
  channels: z.array(
    z.object({ kind: z.enum(["email", "phone", "url", "domain", "social", "messenger"]), value: z.string(), purpose: Localized }),
  ),
});

export type RegistryFile = z.infer<typeof RegistryFileSchema>;
export type PlatformProfile = RegistryFile["platform"];

export const defaultRegistry: RegistryFile = RegistryFileSchema.parse(raw);
export const defaultPlatform: PlatformProfile = defaultRegistry.platform;
