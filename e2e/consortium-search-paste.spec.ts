/**
 * The consortium canvas's search and copy/paste: a node found by part of its Chinese name is
 * selected and brought into view; Ctrl+C / Ctrl+V makes a new participant beside it, with a new
 * id, a suffixed name, the same organization and roles; undo takes the copy back.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

test.use({ viewport: { width: 1600, height: 1000 } });

test('find a node by its Chinese name, copy and paste it, undo the paste', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await page.getByTestId('nav-participants').click();
  await page.getByTestId('participants-tab-canvas').click();
  const canvas = page.getByTestId('consortium-canvas');
  const nodes = canvas.locator('.react-flow__node');
  await expect(canvas.getByTestId('cn-node-participant:li-wei')).toBeVisible();
  const before = await nodes.count();

  // when the user searches for 李伟 and presses Enter
  const search = page.getByTestId('cn-search');
  await search.fill('李伟');
  await expect(page.getByTestId('cn-search-count')).toHaveText('1 of 1');
  await search.press('Enter');
  // then the node is selected (the inspector shows it) and in view
  await expect(page.getByTestId('cn-inspect-node')).toHaveAttribute('data-key', 'participant:li-wei');
  await expect(canvas.getByTestId('cn-node-participant:li-wei')).toBeInViewport();
  // an unknown name says so
  await search.fill('不存在的人');
  await expect(page.getByTestId('cn-search-count')).toHaveText('No match');

  // when the selected node is copied and pasted (outside the search field)
  await canvas.getByTestId('cn-node-participant:li-wei').click();
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  // then a new participant is selected: new id, suffixed name, same organization and role
  await expect(nodes).toHaveCount(before + 1);
  const inspected = page.getByTestId('cn-inspect-node');
  await expect(inspected).not.toHaveAttribute('data-key', 'participant:li-wei');
  const copy = (await inspected.getAttribute('data-key'))!;
  await expect(page.getByTestId('cn-inspect-name')).toHaveValue('李伟 Li Wei (copy)');
  await expect(page.getByTestId('cn-inspect-organization')).toHaveValue('carrier');
  await expect(canvas.getByTestId(`rf__edge-plays-role|${copy.slice('participant:'.length)}|Carrier`)).toBeVisible();

  // and undo takes the copy back
  await page.getByTestId('undo').click();
  await expect(nodes).toHaveCount(before);
  await expect(canvas.getByTestId(`cn-node-${copy}`)).toHaveCount(0);
});
