/**
 * The exported collaboration app with the keyboard only, and on tablets: signing in, starting an
 * order, doing a task from the work list, opening an instance and switching tabs with Tab, Enter,
 * Space and the arrow keys (no mouse), with a visible focus on every stop; every input, select and
 * button has an accessible name; lists, tabs and the diagram carry roles and labels (the diagram a
 * text alternative); and at 1024x768 and 768x1024 nothing overflows horizontally while the work
 * list and form stay usable. The app runs on a shipped ledger copy (no node needed).
 */
import type { Server } from 'node:http';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { serveLedgerCopyApp } from './support/ledger-copy-app.js';

const PASSPHRASE = '键盘 keyboard only 2026';
const PROCESS = 'order-fulfilment';
let site: { server: Server; url: string };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  site = await serveLedgerCopyApp(request, PASSPHRASE, '/apps/a11y/');
});

test.afterAll(() => {
  site?.server.close();
});

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. Checks the focus is visible there. */
async function tabTo(page: Page, target: Locator, { max = 60, back = false } = {}) {
  await expect(target).toBeVisible({ timeout: 30_000 });
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) {
      const ring = await target.evaluate((el) => {
        const s = getComputedStyle(el);
        return { visible: el.matches(':focus-visible'), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none' };
      });
      expect(ring.visible, 'focus is shown (:focus-visible)').toBe(true);
      expect(ring.outline || ring.shadow, 'the focused control has an outline or ring').toBe(true);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`the keyboard never reached ${target.toString()} in ${max} presses`);
}

/** Every visible input, select, textarea and button of `scope` has a non-empty accessible name. */
async function expectNamedControls(scope: Locator) {
  const controls = scope.locator('input:visible, select:visible, textarea:visible, button:visible');
  const count = await controls.count();
  expect(count).toBeGreaterThan(0);
  const unnamed: string[] = [];
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    const snapshot = (await control.ariaSnapshot()).split('\n')[0];
    if (!/^- \w+ "[^"]+"/.test(snapshot)) unnamed.push(`${snapshot} (${await control.evaluate((el) => el.outerHTML.slice(0, 120))})`);
  }
  expect(unnamed).toEqual([]);
}

/**
 * Elements sticking out of the viewport to the right, except inside a horizontal scroller of their
 * own (a wide table's wrapper); the page frame's own scrollers (html, the app frame, its main) do
 * not excuse anything, and none of them may scroll sideways.
 */
function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const frames = [document.documentElement, document.body, ...Array.from(document.querySelectorAll('.standalone, .standalone-main'))];
    const clips = (el: Element) => !frames.includes(el) && ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
      let clipped = false;
      for (let parent = el.parentElement; parent && !clipped; parent = parent.parentElement) clipped = clips(parent) && parent.getBoundingClientRect().right <= width + 1;
      if (!clipped) out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} right=${Math.round(r.right)} > ${width}`);
    }
    return { pageScrolls: frames.some((f) => f.scrollWidth > f.clientWidth + 1), out: out.slice(0, 10) };
  });
}

async function signInWithKeyboard(page: Page, participantId: string) {
  await tabTo(page, page.getByTestId(`sign-in-as-${participantId}`));
  await page.keyboard.press('Space');
  await expect(page.getByTestId(`sign-in-as-${participantId}`)).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('sign-in-file-note')).toHaveAttribute('data-origin', /shipped|remembered/, { timeout: 30_000 });
  await tabTo(page, page.getByLabel(/Passphrase of the key file/));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('app-identity')).toHaveAttribute('data-participant', participantId, { timeout: 30_000 });
}

test('signs in, starts an order, does a task and opens the instance with the keyboard only', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(site.url);
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 60_000 });
  await expectNamedControls(page.getByTestId('standalone-app'));
  await expect(page.getByRole('radiogroup', { name: /Who are you/ })).toBeVisible();

  // 王芳 signs in and starts an order: Tab into the fields, type, Enter on the submit button
  await signInWithKeyboard(page, 'wang-fang');
  const start = page.getByTestId(`start-form-${PROCESS}`);
  await tabTo(page, start.getByLabel(/item/i));
  await page.keyboard.type('齿轮箱 keyboard');
  await page.keyboard.press('Tab');
  await expect(start.getByLabel(/quantity/i)).toBeFocused();
  await page.keyboard.type('12');
  await tabTo(page, start.getByTestId(`start-form-${PROCESS}-submit`));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  await expectNamedControls(page.getByTestId('standalone-app'));

  // 张伟 signs in (sign out with Enter) and completes his task from the work list
  await tabTo(page, page.getByTestId('app-sign-out'), { back: true });
  await page.keyboard.press('Enter');
  await signInWithKeyboard(page, 'zhang-wei');
  const work = page.getByTestId('work-list');
  await expect(work.getByRole('list', { name: /Your tasks/ })).toBeVisible();
  await expect(work.getByRole('listitem', { name: 'Confirm order · Order fulfilment #1' })).toBeVisible();
  const task = page.getByTestId('work-item-Task_ConfirmOrder');
  await tabTo(page, task.getByLabel(/unit ?price/i));
  await page.keyboard.type('45000');
  await tabTo(page, task.getByTestId('field-choice'));
  await page.keyboard.press('ArrowDown');
  await tabTo(page, task.getByTestId('task-form-Task_ConfirmOrder-submit'));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });

  // the instance opens from the instance list with Enter; its diagram has a text alternative
  const instances = page.getByRole('list', { name: /instances/i });
  await expect(instances).toBeVisible();
  await tabTo(page, page.getByTestId(`instance-${PROCESS}-1`).getByRole('button'));
  await page.keyboard.press('Enter');
  const diagram = page.getByTestId('instance-diagram');
  await expect(diagram).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(diagram).toHaveAccessibleName('Diagram');
  await expect(diagram).toHaveAccessibleDescription(/done: .*Confirm order.*Active now: .*Produce goods/);

  // the tabs: arrow keys move between them (WAI-ARIA tabs), the panel follows
  await tabTo(page, page.getByRole('tab', { name: /work/i }), { back: true, max: 120 });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /dashboard/i })).toBeFocused();
  await expect(page.getByRole('tab', { name: /dashboard/i })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('id', 'app-tabpanel-dashboard');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: /work/i })).toHaveAttribute('aria-selected', 'true');
});

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
]) {
  test(`nothing overflows horizontally at ${viewport.width}x${viewport.height}, and the work list and form are usable`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await page.goto(site.url);
    await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 60_000 });
    expect(await horizontalOverflow(page)).toEqual({ pageScrolls: false, out: [] });
    // (the check finds a part that is too wide: a control of the check itself)
    await page.evaluate(() => document.querySelector('.sign-in')!.insertAdjacentHTML('beforeend', '<div id="too-wide" style="width:2000px;height:4px"></div>'));
    expect((await horizontalOverflow(page)).out).toContain(`div. right=${Math.round(2000 + (await page.locator('#too-wide').boundingBox())!.x)} > ${viewport.width}`);
    await page.evaluate(() => document.getElementById('too-wide')!.remove());
    await signInWithKeyboard(page, 'wang-fang');
    await expect(page.getByTestId('work-list')).toBeVisible();
    expect(await horizontalOverflow(page)).toEqual({ pageScrolls: false, out: [] });
    // the work list's tools and the start form's inputs and submit button are on screen and wide enough to use
    const start = page.getByTestId(`start-form-${PROCESS}`);
    const submit = start.getByTestId(`start-form-${PROCESS}-submit`);
    for (const control of [page.getByTestId('work-filter'), page.getByTestId('app-tab-work'), start.getByLabel(/item/i), start.getByLabel(/quantity/i), submit]) {
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.width).toBeGreaterThanOrEqual(40);
    }
    await start.getByLabel(/item/i).fill('平板 tablet');
    await start.getByLabel(/quantity/i).fill('3');
    await submit.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
    // an opened instance and the dashboards fit too
    const row = page.getByTestId(`instance-${PROCESS}-1`);
    await row.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('instance-diagram')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    expect(await horizontalOverflow(page)).toEqual({ pageScrolls: false, out: [] });
    await page.getByRole('tab', { name: /work/i }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('app-tab-dashboard')).toHaveAttribute('aria-selected', 'true');
    expect(await horizontalOverflow(page)).toEqual({ pageScrolls: false, out: [] });
  });
}
