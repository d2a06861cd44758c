import { expect, test } from './harness/test';

test('the training backend is the fastest on a probe network, and the user can choose another', async ({ workbench, page }) => {
  await workbench.open();
  const choice = page.getByTestId('backend-choice');
  await expect.poll(() => choice.locator('option').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  const options = await choice.locator('option').evaluateAll((elements) =>
    elements.map((element) => ({ name: (element as HTMLOptionElement).value, ms: Number(/([\d.]+) ms\/step/.exec(element.textContent ?? '')?.[1]) })),
  );
  expect(options.every((option) => option.ms > 0)).toBe(true);
  const fastest = [...options].sort((a, b) => a.ms - b.ms)[0].name;
  expect(await choice.inputValue()).toBe(fastest);
  expect(await page.getByTestId('backend').innerText()).toBe(`ML: ${fastest}`);

  const other = options.find((option) => option.name !== fastest)!.name;
  await choice.selectOption(other);
  await expect.poll(() => page.getByTestId('backend').innerText()).toBe(`ML: ${other}`);

  // A run trains on the chosen backend and says so.
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  await workbench.setParam(workbench.cell('train-mlp'), 'epochs', '2');
  await workbench.cell('train-mlp').getByTestId('run-cell').click();
  await workbench.waitForCell('train-mlp', ['done'], { timeout: 180_000 });
  expect(await workbench.cell('train-mlp').getByTestId('train-backend').innerText()).toContain(`${other} backend`);
});
