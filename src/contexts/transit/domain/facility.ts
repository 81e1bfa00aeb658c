/** Facility types, as the API names them. */
export const FACILITY_TYPES = [
  'elevator',
  'escalator',
  'wheelchair_lift',
  'moving_walkway',
  'accessible_toilet',
  'nursing_room',
  'locker',
  'audio_beacon',
] as const;
export type FacilityTypeId = (typeof FACILITY_TYPES)[number];

/** Types that matter most for step-free travel come first on a station page. */
export const FACILITY_ORDER: Record<string, number> = Object.fromEntries(FACILITY_TYPES.map((t, i) => [t, i]));
