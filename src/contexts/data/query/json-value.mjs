// JSON values for API responses: DuckDB's JSON converter, except that 64/128-bit integers become numbers when they
// fit in a double exactly (counts, ids), and stay text beyond 2^53. Plain JavaScript (typed by json-value.d.mts), so
// that the SQL sandbox's child process, which starts without the TypeScript loader, runs the same converter as the server.
import { DuckDBTypeId, JsonDuckDBValueConverter } from '@duckdb/node-api';

export const jsonValue = (value, type, converter) => {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT: {
      const n = typeof value === 'bigint' ? value : BigInt(String(value));
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
    }
    default:
      return JsonDuckDBValueConverter(value, type, converter);
  }
};
