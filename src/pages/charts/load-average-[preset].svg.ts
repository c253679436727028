import type { APIRoute, GetStaticPaths } from 'astro';
import { SIM_PRESETS, type SimPreset } from '../../core/loadavg/params.ts';
import { presetChartFile } from '../../core/loadavg/sim-view.ts';

// One chart image per simulator preset, at the path chartImagePath() gives: feeds show these in
// place of the live chart, since readers drop inline SVG and every style.
export const getStaticPaths = (() =>
  SIM_PRESETS.map((preset) => ({
    params: { preset: preset.id },
    props: { preset },
  }))) satisfies GetStaticPaths;

/** The preset's chart as a standalone SVG with inline colours, font and background. */
export const GET: APIRoute<{ preset: SimPreset }> = ({ props }) =>
  new Response(presetChartFile(props.preset), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
