import type { Services } from '../../../core/context.js';
import type { Locale } from '../../../core/i18n/messages.js';
import type { Html } from '../../../web/html.js';

/**
 * Sections that other contexts add to a dataset page, after the preview and profile (the civic showcase adds the
 * dataset's reuses). The other context registers its section from its manifest, so data does not depend on it
 * (this port is what broke the civic ⇄ data cycle). Registered per `Services`, so two apps in one process (tests)
 * each show only their own contexts' sections; registering the same name again replaces the section.
 */
export interface DatasetPageSection {
  /** Stable and unique, e.g. `civic.reuses`. */
  name: string;
  /** Reads what the section shows (before rendering), and returns how to render it in the reader's language. */
  load(services: Services, datasetId: string): Promise<(locale: Locale) => Html>;
}

const registered = new WeakMap<Services, Map<string, DatasetPageSection>>();

export function addDatasetPageSection(services: Services, section: DatasetPageSection): void {
  const sections = registered.get(services) ?? new Map<string, DatasetPageSection>();
  sections.set(section.name, section);
  registered.set(services, sections);
}

/** Every registered section of a dataset, loaded, in the order they were registered. */
export const loadDatasetPageSections = (services: Services, datasetId: string): Promise<Array<(locale: Locale) => Html>> =>
  Promise.all([...(registered.get(services)?.values() ?? [])].map((s) => s.load(services, datasetId)));
