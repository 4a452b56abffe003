/** Page helpers for the IDE: what a user does, named as they would say it. */
import { expect, type Locator, type Page } from '@playwright/test';

export class StudioPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
    await expect(this.page.getByTestId('studio')).toBeVisible({ timeout: 30_000 });
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
