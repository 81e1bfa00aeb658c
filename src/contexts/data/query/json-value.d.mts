import type { DuckDBValueConverter, Json } from '@duckdb/node-api';

/** JSON values for API responses; 64/128-bit integers as numbers when exact, else text (json-value.mjs). */
export declare const jsonValue: DuckDBValueConverter<Json>;
