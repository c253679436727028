import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = resolve(ROOT, '../shared/seed/000_ecc93896e06b3264.txt');
const post = (slug: string) => readFileSync(join(ROOT, 'content/posts', `${slug}.mdx`), 'utf8');

/** Prose only: no frontmatter, imports, code blocks, URLs or MDX expressions. */
function prose(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^```[\s\S]*?^```/gm, ' ')
    .replace(/^import .*$/gm, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);

/** Runs of n words shared by the two texts. */
function sharedRuns(a: string[], b: string[], n: number): string[] {
  const grams = new Set<string>();
  for (let i = 0; i + n <= b.length; i++) grams.add(b.slice(i, i + n).join(' '));
  const out = new Set<string>();
  for (let i = 0; i + n <= a.length; i++) {
    const g = a.slice(i, i + n).join(' ');
    if (grams.has(g)) out.add(g);
  }
  return [...out];
}

// Titles of cited work keep their own words.
const CITED_TITLES = ['capturing and decrypting https traffic from ios apps using frida'];

describe('the posts retell the seed in their own words', () => {
  if (!existsSync(SEED))
    throw new Error(`seed text not found at ${SEED}: the posts cannot be checked against it`);
  const seed = words(readFileSync(SEED, 'utf8'));

  it.each([
    'load-average-spikes',
    'decrypting-ios-tls-traffic',
    'offsite-backups-kde-servers',
    'first-post',
  ])('%s copies no run of 8 words from the seed', (slug) => {
    let text = prose(post(slug)).toLowerCase();
    for (const t of CITED_TITLES) text = text.replaceAll(t, ' ');
    expect(sharedRuns(words(text), seed, 8)).toEqual([]);
  });
});

describe('the posts carry the seed’s facts, figures, commands and config lines', () => {
  it.each([
    [
      'load-average-spikes',
      [
        '1 hour 45 minutes',
        'anonsvn.kde.org',
        'Ctenzi',
        'Leptone',
        'Gallien',
        'MyKDE',
        'KDE Invent',
        '2020-05-09 00:30',
        '2020-05-09 17:30',
        '[19:12]',
        'Hersili',
        'Deino',
        'Telemid',
        '1TB vs. 512GB',
        '104 minutes',
        'telegraf 104 minutes',
        'collectd',
        '7 hours',
        '5.004',
        '5.001',
        'HZ=1000',
        'HZ=250',
        '25000 s',
        '6h56m40s',
        '6250 s',
        '1h44m10s',
        '6255 s',
        'round_interval=false',
        'collection_jitter',
        'CentOS',
        'Ubuntu',
        'Shinken',
        'SQL queries',
        'issues/743',
        'issues/3465',
        'blog.avast.com',
      ],
    ],
    [
      'decrypting-ios-tls-traffic',
      [
        'mitmproxy',
        'pushproxy',
        'APNS',
        'Frida',
        'Andy Davies',
        'BoringSSL',
        'SSL_CTX_set_keylog_callback',
        'libboringssl.dylib',
        'MobileSubstrate',
        'https://data.nicolas17.xyz/cydia/',
        '12.0',
        '14.4',
        'SecureTransport',
        'sslkeylogd',
        'XPC',
        'checkra1n',
        'iproxy',
        'inetcat',
        "ssh -o 'ProxyCommand=inetcat 44' mobile@iPhone sslkeylog",
        "ssh -o 'ProxyCommand=inetcat 44' mobile@iPhone sslkeylog | tee /tmp/ssl.log",
        'CLIENT_RANDOM 6088F6D60B7034F82E9D20CD833D2DFC2F34A7A91D618348BE1C07F668B4DB4F',
        'interface=wlan0',
        'bridge=br0',
        'ssid=iPhoneCapture',
        'driver=nl80211',
        'country_code=AR',
        'auth_algs=1',
        'wpa=2',
        'wpa_pairwise=CCMP',
        'wpa_key_mgmt=WPA-PSK',
        'wpa_passphrase=helloworld',
        'sudo sysctl net.ipv4.ip_forward=1',
        'sudo iptables -P FORWARD ACCEPT',
        'sudo ip link add name br0 type bridge',
        'sudo ip link set br0 up',
        'sudo ip link set enp1s0 master br0',
        'sudo hostapd hostapd.conf',
        'AP-ENABLED',
        '(Pre)-Master-Secret log filename',
        'sudo ip link delete br0',
      ],
    ],
    [
      'offsite-backups-kde-servers',
      ['Hetzner', 'Germany', 'storage box', 'OVH', 'Finland', '2TB(!)', '1500 km', '\\o/'],
    ],
    ['first-post', ['I should make a blog', 'Planet KDE', '😉']],
  ])('%s', (slug, facts) => {
    const text = post(slug);
    for (const fact of facts) expect(text, fact).toContain(fact);
  });
});
