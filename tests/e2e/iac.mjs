// Terraform and CloudFormation in the page (issue 20), in headless Chromium.
//
// A `.tf` file dropped into the page is read by the Terraform reader, a second wasm module
// loaded only then (static/build/terraform.mjs, src/terraform.rs): while it loads the file says
// so, then its findings appear on the `.tf` lines, named as Terraform spells them, and a fix
// edits the HCL. A CloudFormation template (YAML) is read by the page's own engine: findings on
// its lines, named as CloudFormation spells them, a fix that adds a property. A refused download
// says why. Screenshots: iac-terraform.png, iac-terraform-fixed.png, iac-cloudformation.png.
//
// Contract (run by `cargo xtask page` and `cargo xtask test` after tests/e2e/run.mjs): dist/ is
// served at ECSPLAIN_URL; screenshots go to ECSPLAIN_SHOTS. Exit code 0 when every check passes.
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "tools", "package.json"));
const { chromium } = require("playwright-core");
const url = process.env.ECSPLAIN_URL;
if (!url) {
  console.error("ECSPLAIN_URL is not set (serve dist/ and pass its address)");
  process.exit(2);
}
const shots = resolve(process.env.ECSPLAIN_SHOTS || join(root, ".e2e-out"));
mkdirSync(shots, { recursive: true });

let failures = 0;
const check = (ok, what, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${!ok && detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
};
const eq = (actual, expected, what) =>
  check(JSON.stringify(actual) === JSON.stringify(expected), what, `got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`);

const consoleErrors = [];
const failedRequests = [];
const watch = (page) => {
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(String(err)));
  page.on("requestfailed", (req) => failedRequests.push(`${req.url()} ${req.failure()?.errorText}`));
};
const settled = (page, timeout = 30_000) => page.waitForSelector('#status[data-fresh="true"]', { timeout });
const isTerraformModule = (address) => {
  const u = new URL(address);
  return u.origin === new URL(url).origin && /\/ecsplain-terraform-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(u.pathname) && !u.search && !u.hash;
};

/** Drops files on the page as a user drops them from a file manager. */
const drop = (page, files) =>
  page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: "text/plain" }));
    window.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);

/** Opens a file of the project tree in the editor. */
async function open(page, path) {
  await page.waitForFunction((path) => document.querySelector(`#file-tree .tree-item[data-path="${path}"]`), path);
  await page.locator(`#file-tree .tree-item[data-path="${path}"]`).click();
  await settled(page);
}

/** The active editor's text. */
const editorText = (page) => page.locator('textarea[id^="input-"]:visible').first().inputValue();
const findingAt = async (page, code) => page.locator(`.finding[data-code="${code}"] .finding-main .loc`).first().textContent();
const findingText = async (page, code) => page.locator(`.finding[data-code="${code}"]`).first().textContent();

// Line 4: network_mode, line 6: memory, line 9: the container's name.
const TF = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  cpu                      = 256
  memory                   = 4096
  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "public.ecr.aws/nginx/nginx:1.27"
      essential = true
    }
  ])
}
`;

// Line 5: RequiresCompatibilities, the resource without NetworkMode; line 8: Memory.
const CFN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: 256
      Memory: 4096
      ContainerDefinitions:
        - Name: web
          Image: public.ecr.aws/nginx/nginx:1.27
          Essential: true
`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});
try {
  // Terraform: the reader is downloaded only for a .tf file; while it loads the file says so.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    const page = await context.newPage();
    watch(page);
    const requests = [];
    page.on("request", (req) => requests.push(req.url()));
    let release;
    const held = new Promise((r) => (release = r));
    await page.route((u) => isTerraformModule(u.href), async (route) => {
      await held;
      return route.continue();
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("#version", { timeout: 30_000 });
    await settled(page);
    eq(requests.filter(isTerraformModule), [], "terraform: the first view does not download the Terraform reader");

    await drop(page, [["infra/main.tf", TF]]);
    await open(page, "infra/main.tf");
    await page.waitForSelector('.finding[data-code="IN013"]', { timeout: 30_000 });
    check(
      (await findingText(page, "IN013")).includes("waiting for the Terraform reader"),
      "terraform: while the reader loads, the file says so",
      await findingText(page, "IN013"),
    );
    release();
    await page.waitForSelector('.finding[data-code="TD005"]', { timeout: 60_000 });
    await settled(page);
    eq(requests.filter(isTerraformModule).length, 2, "terraform: the reader (glue and wasm) is downloaded once, from the page's origin");
    eq(await page.locator('.finding[data-code="IN013"]').count(), 0, "terraform: once loaded, the waiting note is gone");

    eq(await findingAt(page, "TD005"), "4:30", "terraform: TD005 points at the network_mode value (4:30)");
    const td005 = await findingText(page, "TD005");
    check(td005.includes("network_mode") && !td005.includes("networkMode"), "terraform: TD005 names network_mode, as the file spells it", td005);
    eq(await findingAt(page, "TD001"), "6:30", "terraform: TD001 points at the memory value (6:30)");
    const td103 = page.locator('.finding[data-code="TD103"]');
    eq(await td103.count(), 1, "terraform: TD103 (writable root filesystem) on the container");
    eq(await td103.locator(".finding-main .loc").textContent(), "9:19", "terraform: TD103 points at the container's name (9:19)");
    await page.screenshot({ path: join(shots, "iac-terraform.png") });

    // A fix that edits a value, in HCL.
    await page.locator('.finding[data-code="TD005"] .fix').click();
    await page.waitForTimeout(20);
    await settled(page);
    const fixed = await editorText(page);
    check(fixed.includes('network_mode             = "awsvpc"'), "terraform: the TD005 fix writes network_mode = \"awsvpc\" in the HCL", fixed);
    eq(await page.locator('.finding[data-code="TD005"]').count(), 0, "terraform: TD005 is gone after its fix");
    // A fix that adds a member, in HCL (inside jsonencode: the API's name).
    const fix103 = page.locator('.finding[data-code="TD103"] .fix');
    eq(await fix103.count(), 1, "terraform: TD103 offers a fix that adds readonlyRootFilesystem");
    if ((await fix103.count()) === 1) {
      await fix103.click();
      await page.waitForTimeout(20);
      await settled(page);
      const added = await editorText(page);
      check(/readonlyRootFilesystem = true/.test(added), "terraform: the TD103 fix adds readonlyRootFilesystem = true to the container", added);
      eq(await page.locator('.finding[data-code="TD103"]').count(), 0, "terraform: TD103 is gone after its fix");
      eq(await page.locator('.finding[data-code="IN013"]').count(), 0, "terraform: the fixed file still reads");
    }
    await page.screenshot({ path: join(shots, "iac-terraform-fixed.png") });
    await context.close();
  }

  // CloudFormation (YAML): read by the page's own engine.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    const page = await context.newPage();
    watch(page);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("#version", { timeout: 30_000 });
    await settled(page);
    await drop(page, [["cfn/service.yml", CFN]]);
    await open(page, "cfn/service.yml");
    await page.waitForSelector('.finding[data-code="TD001"]', { timeout: 30_000 });
    eq(await findingAt(page, "TD001"), "8:15", "cloudformation: TD001 points at the Memory value (8:15)");
    const td005 = page.locator('.finding[data-code="TD005"]');
    eq(await td005.count(), 1, "cloudformation: TD005 (no NetworkMode on Fargate)");
    const text = await findingText(page, "TD005");
    check(text.includes("NetworkMode") && !text.includes("networkMode"), "cloudformation: TD005 names NetworkMode, as the template spells it", text);
    await page.screenshot({ path: join(shots, "iac-cloudformation.png") });
    const fix = td005.locator(".fix");
    eq(await fix.count(), 1, "cloudformation: TD005 offers a fix that adds NetworkMode");
    if ((await fix.count()) === 1) {
      await fix.click();
      await page.waitForTimeout(20);
      await settled(page);
      const added = await editorText(page);
      check(/\n      NetworkMode: "?awsvpc"?\n      RequiresCompatibilities/.test(added), "cloudformation: the fix adds NetworkMode: awsvpc at the properties' indentation", added);
      eq(await page.locator('.finding[data-code="TD005"]').count(), 0, "cloudformation: TD005 is gone after its fix");
      eq(await page.locator('.finding[data-code="IN002"]').count(), 0, "cloudformation: the fixed template is still YAML");
    }
    await page.screenshot({ path: join(shots, "iac-cloudformation-fixed.png") });
    await context.close();
  }

  // A refused download: IN013 says the reader could not be loaded.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    const page = await context.newPage();
    await page.route((u) => isTerraformModule(u.href), (route) => route.abort());
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("#version", { timeout: 30_000 });
    await settled(page);
    await drop(page, [["main.tf", TF]]);
    await open(page, "main.tf");
    await page.waitForFunction(() => document.querySelector('.finding[data-code="IN013"]')?.textContent.includes("could not load"), null, { timeout: 30_000 });
    check((await findingText(page, "IN013")).includes("could not load its Terraform reader"), "terraform: a failed load keeps IN013 with the reason");
    await context.close();
  }
  eq(consoleErrors, [], "iac: no console errors");
  eq(failedRequests, [], "iac: no failed requests");
} catch (err) {
  console.error(err);
  failures++;
} finally {
  await browser.close();
}
console.log(failures === 0 ? "iac e2e: all checks passed" : `iac e2e: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
