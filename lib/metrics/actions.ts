"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { importMetricCsv } from "@/lib/metrics/csv-import";
import { archiveMetric, createMetric, recordMetricValue, startPilot, stopPilot, updateMetric } from "@/lib/metrics/mutations";
import {
  csvUploadSchema,
  metricArchiveSchema,
  metricDefinitionSchema,
  metricDefinitionUpdateSchema,
  metricValueFormSchema,
  pilotStartSchema,
  pilotStopSchema,
} from "@/lib/metrics/schemas";

// The role checks (metric.define, metric.record) depend on the owning team of the service the
// input names, so each mutation loads that row and checks the caller's role on it.

export const createMetricAction = authedAction("createMetric", metricDefinitionSchema, async (input, user) => {
  const metric = await createMetric(user, input);
  revalidatePath("/metrics", "layout");
  return metric;
});

export const updateMetricAction = authedAction("updateMetric", metricDefinitionUpdateSchema, async (input, user) => {
  const metric = await updateMetric(user, input);
  revalidatePath("/metrics", "layout");
  return metric;
});

export const archiveMetricAction = authedAction("archiveMetric", metricArchiveSchema, async (input, user) => {
  await archiveMetric(user, input.metricId);
  revalidatePath("/metrics", "layout");
  return null;
});

export const recordMetricValueAction = authedAction("recordMetricValue", metricValueFormSchema, async (input, user) => {
  const result = await recordMetricValue(user, input);
  revalidatePath("/metrics", "layout");
  return result;
});

export const importMetricCsvAction = authedAction("importMetricCsv", csvUploadSchema, async (input, user) => {
  const result = await importMetricCsv(user, input.serviceId, input.csv);
  revalidatePath("/metrics", "layout");
  return result;
});

export const startPilotAction = authedAction("startPilot", pilotStartSchema, async (input, user) => {
  const pilot = await startPilot(user, input);
  revalidatePath("/metrics");
  return pilot;
});

export const stopPilotAction = authedAction("stopPilot", pilotStopSchema, async (input, user) => {
  await stopPilot(user, input.teamId);
  revalidatePath("/metrics");
  return null;
});
