// Copies GOV.UK Frontend's JavaScript into static/dist/js/, where Django's staticfiles finds
// it. Only the script: GOV.UK's fonts and images (the crown, the crest, the GOV.UK favicons)
// are for GOV.UK alone and are never copied.
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const govuk = join(dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk");
const target = join(root, "static", "dist", "js");

await mkdir(target, { recursive: true });
for (const name of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
  await copyFile(join(govuk, name), join(target, name));
}
