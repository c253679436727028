// The facts each post carries over from the text it retells: names, figures, commands, config lines
// and links. Kept here, in the repository, so the content tests need nothing outside it; a post
// not listed here is simply not checked for facts (a new post must not fail the suite).

import { SAMPLE_KEYLOG } from '../../src/core/keylog/keylog.ts';

/** What one post must carry, each checked against the post's .mdx source. */
export interface PostFacts {
  /** File name in content/posts without `.mdx`. */
  readonly slug: string;
  /** Names, figures, dates and terms: found anywhere in the source. */
  readonly figures: readonly string[];
  /** Commands, config and data lines: each a whole line of a code block, or an inline code span. */
  readonly code: readonly string[];
  /** Link targets, exactly as written in `[text](target)`. */
  readonly links: readonly string[];
}

// The post shows the key log the inspector opens with ("the sample keys from earlier").
const KEY_LOG = SAMPLE_KEYLOG.trimEnd().split('\n');

/** The facts table, one entry per post that retells a source text. */
export const POST_FACTS: readonly PostFacts[] = [
  {
    slug: 'load-average-spikes',
    figures: [
      '1 hour 45 minutes',
      '1h45m',
      'anonsvn.kde.org',
      'Ctenzi',
      'Leptone',
      'Gallien',
      'MyKDE',
      'KDE Invent',
      '2020-05-09 00:30',
      '2020-05-09 17:30',
      'Ben Cooksley',
      'Hersili',
      'Deino',
      'Telemid',
      '1TB vs. 512GB',
      '19:06',
      '19:12',
      '17 hours',
      '1h44m',
      '104 minutes',
      '"telegraf 104 minutes"',
      'Shinken',
      'collectd',
      '7 hours',
      '5.004',
      '5.001',
      'HZ=1000',
      'HZ=250',
      'CentOS',
      'Ubuntu',
      '25000 s',
      '6h56m40s',
      '6250 s',
      '1h44m10s',
      '6255 s',
      '1h44m15s',
      '25005 s',
      '6h56m45s',
      '25·HZ+5',
      'SQL queries',
    ],
    code: [
      'LOAD_FREQ = 5*HZ+1',
      'round_interval=false',
      'round_interval = false',
      'collection_jitter',
    ],
    links: [
      'https://invent.kde.org/',
      'https://my.kde.org/',
      'https://github.com/influxdata/telegraf/issues/743',
      'https://github.com/influxdata/telegraf/issues/3465',
      'https://blog.avast.com/investigation-of-regular-high-load-on-unused-machines-every-7-hours',
    ],
  },
  {
    slug: 'decrypting-ios-tls-traffic',
    figures: [
      'mitmproxy',
      'APNS',
      'Andy Davies',
      'Frida',
      'BoringSSL',
      'MobileSubstrate',
      '12.0',
      '14.4',
      'SecureTransport',
      'iOS 12',
      'XPC',
      'mobilesubstrate',
      '"subscribed"',
      'Edit → Preferences → Protocols → TLS',
      '"SSL"',
      '"(Pre)-Master-Secret log filename"',
    ],
    code: [
      'SSL_CTX',
      'SSL_CTX_set_keylog_callback',
      'libboringssl.dylib',
      'sslkeylogd',
      'iproxy',
      'inetcat',
      'libusbmuxd-tools',
      "ssh -o 'ProxyCommand=inetcat 44' mobile@iPhone sslkeylog",
      ...KEY_LOG,
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
      "ssh -o 'ProxyCommand=inetcat 44' mobile@iPhone sslkeylog | tee /tmp/ssl.log",
      '/tmp/ssl.log',
      'sudo ip link delete br0',
    ],
    links: [
      'https://mitmproxy.org/',
      'https://github.com/mfrister/pushproxy',
      'https://andydavies.me/blog/2019/12/12/capturing-and-decrypting-https-traffic-from-ios-apps/',
      'https://gitlab.com/nicolas17/sslkeylog',
      'https://gitlab.com/nicolas17/sslkeylog/-/releases',
      'https://data.nicolas17.xyz/cydia/',
      'https://checkra.in/',
      'https://github.com/libimobiledevice/libusbmuxd',
    ],
  },
  {
    slug: 'offsite-backups-kde-servers',
    figures: [
      'Hetzner',
      'Germany',
      'storage box',
      'OVH',
      'Hetzner support',
      'Finland',
      '2TB(!)',
      '1500 km',
      '\\o/',
    ],
    code: [],
    links: [],
  },
  {
    slug: 'first-post',
    figures: ['"I should make a blog"', 'KDE', 'sysadmin', 'Apple', 'Planet KDE', '😉'],
    code: [],
    links: ['https://planet.kde.org/'],
  },
];
