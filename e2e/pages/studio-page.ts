/** Page helpers for the IDE: what a user does, named as they would say it. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The workspace passphrase the e2e user sets on first start. */
export const PASSPHRASE = 'e2e 口令 passphrase';

export class StudioPage {
  constructor(readonly page: Page) {}

  /**
   * Opens the IDE. A test's browser starts empty, so this is the first use: the user sets the
   * workspace passphrase (which also unlocks the keys for the rest of the page's life).
   */
  async open(options: { firstUse?: boolean } = {}) {
    await this.page.goto('/');
    await expect(this.page.getByTestId('studio')).toBeVisible({ timeout: 30_000 });
    if (options.firstUse ?? true) await this.setPassphrase();
  }

  get unlockDialog(): Locator {
    return this.page.getByTestId('unlock-dialog');
  }

  async setPassphrase(passphrase = PASSPHRASE) {
    await expect(this.unlockDialog).toHaveAttribute('data-mode', 'setup', { timeout: 30_000 });
    await this.unlockDialog.getByTestId('unlock-passphrase').fill(passphrase);
    await this.unlockDialog.getByTestId('unlock-confirm').fill(passphrase);
    await this.unlockDialog.getByTestId('unlock-submit').click();
    await expect(this.unlockDialog).toHaveCount(0, { timeout: 30_000 });
    await expect(this.page.getByTestId('keys-lock')).toHaveAttribute('data-state', 'unlocked');
  }

  /** Unlocks the keys (after a reload they are locked): opens the dialog unless something already asked. */
  async unlock(passphrase = PASSPHRASE) {
    await this.typePassphrase(passphrase);
    await expect(this.unlockDialog).toHaveCount(0, { timeout: 30_000 });
    await expect(this.page.getByTestId('keys-lock')).toHaveAttribute('data-state', 'unlocked');
  }

  /** Types a passphrase into the unlock dialog and submits it, whatever the outcome. */
  async typePassphrase(passphrase: string) {
    if (!(await this.unlockDialog.isVisible())) await this.page.getByTestId('keys-lock').click();
    await expect(this.unlockDialog).toHaveAttribute('data-mode', 'unlock');
    await this.unlockDialog.getByTestId('unlock-passphrase').fill(passphrase);
    await this.unlockDialog.getByTestId('unlock-submit').click();
  }

  /** Waits until generation and compilation of the current design succeeded. */
  async waitForBuild() {
    await expect(this.page.getByTestId('build-status')).toHaveAttribute('data-status', 'ok', { timeout: 90_000 });
  }

  async deploy() {
    await this.page.getByTestId('topbar-deploy').click();
    await this.page.getByTestId('nav-deploy').click();
    await expect(this.page.getByTestId('deployment-summary')).toBeVisible({ timeout: 60_000 });
  }

  async actAs(participantId: string) {
    await this.page.getByTestId('nav-app').click();
    await this.page.getByTestId(`act-as-${participantId}`).click();
  }

  /** Switches the app between its Work and Dashboards tabs. */
  async appTab(tab: 'work' | 'dashboard') {
    await this.page.getByTestId(`app-tab-${tab}`).click();
    await expect(this.page.getByTestId(`app-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  }

  workItem(taskElementId: string): Locator {
    return this.page.getByTestId(`work-item-${taskElementId}`);
  }

  /** Fills a start or task form and submits it; waits until the transaction is confirmed. */
  async submit(formTestId: string, values: Record<string, string>, choice?: string) {
    const form = this.page.getByTestId(formTestId);
    for (const [field, value] of Object.entries(values)) await form.getByTestId(`field-${field}`).fill(value);
    if (choice !== undefined) await form.getByTestId('field-choice').selectOption({ label: choice });
    await form.getByTestId(`${formTestId}-submit`).click();
    await expect(this.page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  }

  async completeTask(taskElementId: string, values: Record<string, string> = {}, choice?: string) {
    await expect(this.workItem(taskElementId)).toBeVisible({ timeout: 30_000 });
    await this.submit(`task-form-${taskElementId}`, values, choice);
    await expect(this.workItem(taskElementId)).toHaveCount(0, { timeout: 30_000 });
  }
}
