/**
 * Preloaded (`node --import`) into a build by the benchmark: as the process exits, writes what it
 * used to the file named by BENCH_USAGE_FILE, as JSON: peak resident set size in bytes and CPU time
 * (user + system, all threads) in milliseconds. Worker threads share the process, so they count.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_USAGE_FILE'];
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    // maxRSS is in kibibytes, CPU times in microseconds.
    writeFileSync(
      file,
      JSON.stringify({ peakRss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }),
    );
  });
}
