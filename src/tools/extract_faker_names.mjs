// Prints the first names and surnames of faker-js's Latin-script locales as JSON ({locale: {first, female,
// male, last}}: all first names, and those the locale lists as female or male),
// the input of `build_gazetteers.py --faker-names`. Needs the npm package @faker-js/faker (MIT):
//   npm install --prefix /tmp/faker @faker-js/faker@10.6.0
//   NODE_PATH=/tmp/faker/node_modules node src/tools/extract_faker_names.mjs > /tmp/faker_names.json
import { createRequire } from 'module';
import path from 'path';
const require = createRequire(path.join(process.env.NODE_PATH || '.', 'x.js'));
const all = await import(require.resolve('@faker-js/faker'));
const locales = ['en', 'en_AU', 'en_IN', 'fr', 'fr_CH', 'it', 'es', 'es_MX', 'pt_BR', 'pt_PT', 'nl', 'sv', 'nb_NO',
                 'da', 'fi', 'pl', 'cs_CZ', 'sk', 'hu', 'ro', 'hr', 'lv', 'tr', 'az', 'id_ID', 'de_AT', 'de_CH'];
const flat = v => !v ? [] : Array.isArray(v) ? v : Object.values(v).flat();
const out = {};
for (const l of locales) {
  const p = all[l] && all[l].person;
  const group = g => (p.first_name && !Array.isArray(p.first_name) && p.first_name[g]) || [];
  if (p) out[l] = { first: flat(p.first_name), female: group('female'), male: group('male'), last: flat(p.last_name) };
}
console.log(JSON.stringify(out));
