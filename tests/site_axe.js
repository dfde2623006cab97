// site_axe.js - load pages of a generated site in headless Chromium, run
// axe-core on each and print one PASS/FAIL line per page; with SHOTS=DIR
// also save a screenshot of each page at desktop and phone widths.
//
// usage: NODE_PATH=.../node_modules node tests/site_axe.js SITE PAGE...
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const site = path.resolve(process.argv[2]);
const pages = process.argv.slice(3);
const shots = process.env.SHOTS || '';
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function check(browser, page, rel) {
	await page.goto('file://' + path.join(site, rel));
	await page.addScriptTag({ content: axeSource });
	const result = await page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		return await axe.run(document, { resultTypes: ['violations'] });
	});
	const bad = result.violations;
	if (bad.length === 0) {
		console.log('PASS axe ' + rel);
	} else {
		const what = bad.map((v) => v.id + ' (' + v.nodes.length + '): ' +
			v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')).join('; ');
		console.log('FAIL axe ' + rel + ': ' + what);
	}
}

async function shoot(browser, rel) {
	for (const [name, width] of [['desktop', 1300], ['phone', 390]]) {
		const ctx = await browser.newContext({ viewport: { width, height: 900 },
			deviceScaleFactor: 1 });
		const page = await ctx.newPage();
		await page.goto('file://' + path.join(site, rel));
		const stem = path.join(shots, rel.replace(/[\/#]/g, '_') + '-' + name);
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		// The page in slices of at most 1800 pixels, each readable on its own.
		for (let y = 0, k = 1; y < height && k <= 4; y += 1800, k++)
			await page.screenshot({ path: stem + '-' + k + '.png', fullPage: true,
				clip: { x: 0, y, width, height: Math.min(1800, height - y) } });
		await ctx.close();
	}
}

(async () => {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu',
			'--disable-background-networking', '--disable-component-update',
			'--disable-sync', '--no-first-run'],
	});
	try {
		const ctx = await browser.newContext({ viewport: { width: 1300, height: 900 } });
		const page = await ctx.newPage();
		for (const rel of pages) {
			try {
				await check(browser, page, rel);
			} catch (e) {
				console.log('FAIL axe ' + rel + ': ' + String(e).split('\n')[0]);
			}
			if (shots)
				await shoot(browser, rel);
		}
		await ctx.close();
	} finally {
		await browser.close();
	}
})().catch((e) => {
	console.log('FAIL axe: ' + String(e).split('\n')[0]);
	process.exit(1);
});
