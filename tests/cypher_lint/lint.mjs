// Reads {"name": "cypher", ...} on stdin; prints {"name": [error messages]} for Neo4j 5.
import { lintCypherQuery, isNotParamError, testData } from '@neo4j-cypher/language-support';

const m = testData.mockSchema; // a bundled Neo4j 5 function/procedure list
const noApoc = (r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('apoc.')));
const schema = {
  defaultLanguage: 'CYPHER 5',
  functions: { 'CYPHER 5': noApoc(m.functions['CYPHER 5']) },
  procedures: { 'CYPHER 5': noApoc(m.procedures['CYPHER 5']) },
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const queries = JSON.parse(input);
const result = {};
for (const [name, query] of Object.entries(queries)) {
  result[name] = lintCypherQuery(query, schema).diagnostics
    .filter((d) => d.severity === 1 && isNotParamError(d))
    .map((d) => d.message);
}
process.stdout.write(JSON.stringify(result));
