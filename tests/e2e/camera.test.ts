/**
 * Camera pan and zoom in real Chromium (issue 4: "with mouse, touch and keyboard"), on the
 * scene preview page. The scenes publish their camera on window.__clusterTowns.camera after
 * every move; touches are real touch events dispatched through the DevTools protocol, as a
 * phone's browser would deliver them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import type { CameraState } from '../../client/scenes/debug-state';
import { chromiumAvailable, launchChromium, startClient } from './browser';

type SceneName = 'town' | 'region';

describe.skipIf(!chromiumAvailable() && !process.env.CI)('camera controls in Chromium', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let url: string;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    ({ server, url } = await startClient());
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function open(scene: SceneName, touch = false): Promise<Page> {
    const context = await browser.newContext({
      viewport: touch ? { width: 390, height: 760 } : { width: 1280, height: 800 },
      hasTouch: touch,
      isMobile: touch,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${url}scene-preview.html?scenario=foshan-2007&view=${scene}&test=1`);
    await page.waitForFunction(
      (k) => window.__clusterTowns?.[k as SceneName]?.ready === true,
      scene,
      { timeout: 30_000 },
    );
    await page.waitForFunction((k) => window.__clusterTowns?.camera?.[k as SceneName], scene);
    // Until the first interaction a resize (late layout, fonts) may re-fit the view: wait for
    // the camera to hold still, so every move below starts from a known place.
    await page.waitForFunction(
      (k) => {
        const w = window as unknown as { __cameraLast?: string };
        const now = JSON.stringify(window.__clusterTowns?.camera?.[k as SceneName]);
        const still = w.__cameraLast === now;
        w.__cameraLast = now;
        return still;
      },
      scene,
      { polling: 250, timeout: 10_000 },
    );
    return page;
  }

  const camera = (page: Page, scene: SceneName): Promise<CameraState> =>
    page.evaluate((k) => ({ ...window.__clusterTowns!.camera![k as SceneName]! }), scene);

  /** The centre of the scene's canvas on the page. */
  async function centre(page: Page): Promise<{ x: number; y: number }> {
    const box = await page.locator('.ct-scene canvas').first().boundingBox();
    if (!box) throw new Error('no canvas');
    return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
  }

  async function touch(
    cdp: CDPSession,
    type: 'touchStart' | 'touchMove' | 'touchEnd',
    points: { x: number; y: number }[],
  ): Promise<void> {
    await cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
    });
  }

  it('the mouse drags the town and the wheel zooms about the pointer', async () => {
    const page = await open('town');
    const start = await camera(page, 'town');
    const c = await centre(page);

    await page.mouse.move(c.x, c.y);
    await page.mouse.down();
    await page.mouse.move(c.x - 120, c.y - 60, { steps: 6 });
    await page.mouse.up();
    const dragged = await camera(page, 'town');
    // Dragging left and up shows what lies right and below: the scroll grows by the drag's
    // length in world units (screen pixels / zoom).
    expect(dragged.zoom).toBe(start.zoom);
    expect(dragged.scrollX - start.scrollX).toBeCloseTo(120 / start.zoom, -1);
    expect(dragged.scrollY - start.scrollY).toBeCloseTo(60 / start.zoom, -1);

    await page.mouse.move(c.x, c.y);
    await page.mouse.wheel(0, -200);
    await page.waitForFunction((z) => window.__clusterTowns!.camera!.town!.zoom > z, start.zoom);
    const zoomed = await camera(page, 'town');
    expect(zoomed.zoom).toBeCloseTo(start.zoom * 1.15, 3);
    await page.mouse.wheel(0, 200);
    await page.waitForFunction((z) => window.__clusterTowns!.camera!.town!.zoom < z, zoomed.zoom);
    expect((await camera(page, 'town')).zoom).toBeCloseTo(start.zoom, 3);
  }, 60_000);

  it('the keyboard pans with the arrows and zooms with + and −, only when the map has focus', async () => {
    const page = await open('town');
    const start = await camera(page, 'town');
    await page.focus('.ct-scene');
    await page.keyboard.press('+');
    expect((await camera(page, 'town')).zoom).toBeCloseTo(start.zoom * 1.25, 3);
    await page.keyboard.press('-');
    expect((await camera(page, 'town')).zoom).toBeCloseTo(start.zoom, 3);

    // Held until the view has moved, then released.
    await page.keyboard.down('ArrowRight');
    await page.waitForFunction(
      ({ x, min }) => (window.__clusterTowns?.camera?.town?.scrollX ?? 0) > x + min,
      { x: start.scrollX, min: 20 / start.zoom },
    );
    await page.keyboard.up('ArrowRight');
    const panned = await camera(page, 'town');
    expect(panned.scrollX).toBeGreaterThan(start.scrollX + 20 / start.zoom);
    expect(panned.scrollY).toBeCloseTo(start.scrollY, 3);

    // Typing elsewhere on the page never moves the map.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'elsewhere';
      // Out of the flow: a layout change would resize the canvas, and test mode re-fits on that.
      input.style.position = 'fixed';
      input.style.top = '0';
      input.style.left = '0';
      document.body.append(input);
    });
    await page.focus('#elsewhere');
    await page.keyboard.type('wasd+-');
    // Two rendered frames: any pan those keys caused would have been applied by now.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await camera(page, 'town')).toEqual(panned);
  }, 60_000);

  it('a finger drags the town and two fingers pinch to zoom, on a phone-sized screen', async () => {
    const page = await open('town', true);
    const cdp = await page.context().newCDPSession(page);
    const start = await camera(page, 'town');
    const c = await centre(page);

    await touch(cdp, 'touchStart', [c]);
    for (let i = 1; i <= 5; i++) await touch(cdp, 'touchMove', [{ x: c.x - 16 * i, y: c.y }]);
    await touch(cdp, 'touchEnd', []);
    const dragged = await camera(page, 'town');
    expect(dragged.scrollX - start.scrollX).toBeCloseTo(80 / start.zoom, -1);
    expect(dragged.zoom).toBe(start.zoom);

    // Fingers 60 px apart spread to 150 px: the view zooms in 2.5 times (within the limits).
    const a = { x: c.x - 30, y: c.y };
    const b = { x: c.x + 30, y: c.y };
    await touch(cdp, 'touchStart', [a, b]);
    for (let i = 1; i <= 5; i++) {
      await touch(cdp, 'touchMove', [
        { x: a.x - 9 * i, y: a.y },
        { x: b.x + 9 * i, y: b.y },
      ]);
    }
    await touch(cdp, 'touchEnd', []);
    const pinched = await camera(page, 'town');
    expect(pinched.zoom / dragged.zoom).toBeGreaterThan(2);
    expect(pinched.zoom / dragged.zoom).toBeLessThan(3);
  }, 60_000);

  it('the regional map pans and zooms too', async () => {
    const page = await open('region');
    const start = await camera(page, 'region');
    const c = await centre(page);
    await page.mouse.move(c.x, c.y);
    await page.mouse.down();
    await page.mouse.move(c.x + 80, c.y + 40, { steps: 4 });
    await page.mouse.up();
    const dragged = await camera(page, 'region');
    expect(dragged.scrollX).toBeLessThan(start.scrollX);
    expect(dragged.scrollY).toBeLessThan(start.scrollY);
    await page.focus('.ct-scene');
    await page.keyboard.press('+');
    expect((await camera(page, 'region')).zoom).toBeCloseTo(dragged.zoom * 1.25, 3);
  }, 60_000);
});
