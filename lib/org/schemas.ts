import { z } from "zod";

const name = (what: string) => z.string().trim().min(1, `Give the ${what} a name.`).max(80, `Keep the ${what} name under 80 characters.`);
const description = z.string().trim().max(500, "Keep the description under 500 characters.").default("");
const id = (what: string) => z.string().trim().min(1, `Choose a ${what}.`).max(40);

export const teamCreateSchema = z.object({
  name: name("team"),
  description,
  parentId: id("parent team").nullable().default(null),
});

export const teamUpdateSchema = teamCreateSchema.extend({ teamId: id("team") });

export const teamDeleteSchema = z.object({ teamId: id("team") });

export const serviceCreateSchema = z.object({
  name: name("service"),
  description,
  teamId: id("owning team"),
});

export const serviceUpdateSchema = serviceCreateSchema.extend({ serviceId: id("service") });
