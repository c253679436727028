/** A key log as long as a busy capture session: TLS 1.3 connections of five secrets each. */
export function bigKeyLog(connections: number): string {
  const hex = (n: number, bytes: number) => n.toString(16).padStart(bytes * 2, '0');
  const labels = [
    'CLIENT_HANDSHAKE_TRAFFIC_SECRET',
    'SERVER_HANDSHAKE_TRAFFIC_SECRET',
    'CLIENT_TRAFFIC_SECRET_0',
    'SERVER_TRAFFIC_SECRET_0',
    'EXPORTER_SECRET',
  ];
  const lines: string[] = [];
  for (let c = 0; c < connections; c++) {
    for (const [i, label] of labels.entries())
      lines.push(`${label} ${hex(c, 32)} ${hex(c * 7 + i, 32)}`);
  }
  return `${lines.join('\n')}\n`;
}
