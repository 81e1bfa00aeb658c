import type { TestProject } from 'vitest/node';
import { nameDatabaseTemplate } from './database-template.js';

/** The SQLite tier: one migrated and seeded database that each test file copies (support/database-template.ts). */
export default async function setup(project: TestProject) {
  const { template, teardown } = await nameDatabaseTemplate('sqlite');
  project.provide('databaseTemplate', template);
  return teardown;
}
