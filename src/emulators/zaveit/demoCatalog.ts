import { seededRandom } from '../kit';
import type { ZaveitCatalog } from './catalog';
import { buildProduct, ProductSpec } from './product';
import type { ZaveitDistributor } from './types';

/**
 * How a leaf's products are sold: Microsoft and other licenses are resold subscriptions, services are the
 * MSP's own (no distributor), hardware is resold and stocked.
 */
type Kind = 'microsoft' | 'license' | 'service' | 'one-off' | 'hardware';

interface Leaf {
  name: string;
  sku: string;
  kind: Kind;
  /** NOK (ex. VAT) of the first and the last product: the names run from cheap to dear. */
  prices: [number, number];
  products: string[];
  /** List prices where a leaf's products do not follow a curve (hours, bundles). */
  listPrices?: number[];
}

interface Branch {
  name: string;
  children: Array<Branch | Leaf>;
}

const UNIT: Record<Kind, string> = {
  microsoft: 'Pris per bruker per måned, ett års binding.',
  license: 'Pris per bruker eller enhet per måned.',
  service: 'Månedlig tjeneste levert av vårt driftssenter.',
  'one-off': 'Engangspris.',
  hardware: 'Leveres fra distributør, normalt 2–5 virkedager.',
};

const TREE: Branch[] = [
  {
    name: 'Lisenser',
    children: [
      {
        name: 'Microsoft 365',
        children: [
          {
            name: 'Microsoft 365 for bedrift',
            sku: 'M365B',
            kind: 'microsoft',
            prices: [25, 330],
            products: [
              'Microsoft Teams Essentials',
              'Exchange Online (Plan 1)',
              'OneDrive for Business (Plan 1)',
              'SharePoint Online (Plan 1)',
              'Microsoft 365 F1',
              'Microsoft 365 Business Basic',
              'Microsoft 365 F3',
              'Microsoft 365 Apps for business',
              'Exchange Online (Plan 2)',
              'Microsoft 365 Business Standard',
              'Microsoft 365 Business Premium',
            ],
          },
          {
            name: 'Microsoft 365 Enterprise',
            sku: 'M365E',
            kind: 'microsoft',
            prices: [80, 620],
            products: [
              'Office 365 E1',
              'Microsoft 365 Apps for enterprise',
              'Enterprise Mobility + Security E3',
              'Office 365 E3',
              'Microsoft 365 E3',
              'Enterprise Mobility + Security E5',
              'Office 365 E5',
              'Microsoft 365 E5',
            ],
          },
          {
            name: 'Microsoft 365 tillegg',
            sku: 'M365T',
            kind: 'microsoft',
            prices: [20, 330],
            products: [
              'Exchange Online Archiving',
              'Defender for Office 365 (Plan 1)',
              'Microsoft Entra ID P1',
              'Microsoft Intune Plan 1',
              'Visio Plan 1',
              'Microsoft Entra ID P2',
              'Defender for Office 365 (Plan 2)',
              'Power BI Pro',
              'Teams Phone Standard',
              'Teams Premium',
              'Visio Plan 2',
              'Power BI Premium per bruker',
              'Project Plan 3',
              'Microsoft 365 Copilot',
            ],
          },
        ],
      },
      {
        name: 'Microsoft Azure og server',
        sku: 'AZ',
        kind: 'microsoft',
        prices: [60, 9800],
        products: [
          'Windows Server CAL (bruker)',
          'Azure Plan (forbruk)',
          'Azure Virtual Desktop (per bruker)',
          'Azure Reserved VM D2s v5, ett år',
          'Windows Server 2022 Standard, 16 kjerner',
          'SQL Server 2022 Standard, 2 kjerner',
        ],
      },
      {
        name: 'Adobe',
        sku: 'ADB',
        kind: 'license',
        prices: [150, 900],
        products: ['Adobe Acrobat Standard', 'Adobe Acrobat Pro', 'Adobe Photoshop', 'Adobe Illustrator', 'Adobe InDesign', 'Adobe Creative Cloud All Apps'],
      },
      {
        name: 'Andre programvarelisenser',
        sku: 'SW',
        kind: 'license',
        prices: [45, 520],
        products: ['Zoom Workplace Pro', 'Slack Pro', '1Password Business', 'Dropbox Business Standard', 'TeamViewer Business', 'AutoCAD LT'],
      },
    ],
  },
  {
    name: 'Sikkerhet',
    children: [
      {
        name: 'Brannmur',
        children: [
          {
            name: 'Brannmurer',
            sku: 'FW',
            kind: 'hardware',
            prices: [4290, 48900],
            products: [
              'Fortinet FortiGate 40F',
              'WatchGuard Firebox T25',
              'SonicWall TZ270',
              'Fortinet FortiGate 60F',
              'WatchGuard Firebox T45',
              'SonicWall TZ370',
              'Fortinet FortiGate 80F',
              'SonicWall TZ470',
              'Fortinet FortiGate 100F',
              'WatchGuard Firebox M290',
              'Fortinet FortiGate 200F',
            ],
          },
          {
            name: 'Brannmurlisenser',
            sku: 'FWL',
            kind: 'license',
            prices: [190, 1490],
            products: [
              'FortiCare 24x7, FortiGate 40F',
              'SonicWall Essential Protection TZ270',
              'FortiGate 40F UTP-pakke',
              'WatchGuard Total Security T45',
              'FortiGate 60F UTP-pakke',
              'FortiGate 100F UTP-pakke',
            ],
          },
        ],
      },
      {
        name: 'Endepunktsikkerhet',
        sku: 'EDR',
        kind: 'license',
        prices: [29, 249],
        products: [
          'ESET PROTECT Entry',
          'Bitdefender GravityZone Business Security',
          'Microsoft Defender for Business',
          'ESET PROTECT Advanced',
          'Sophos Intercept X Advanced',
          'SentinelOne Singularity Core',
          'SentinelOne Singularity Control',
          'Huntress Managed EDR',
          'Sophos MDR Complete',
        ],
      },
      {
        name: 'E-postsikkerhet',
        sku: 'MAIL',
        kind: 'license',
        prices: [19, 89],
        products: [
          'DMARC-overvåking (per domene)',
          'Proofpoint Essentials Business',
          'Hornetsecurity 365 Total Protection Business',
          'Mimecast Email Security',
          'Hornetsecurity 365 Total Protection Enterprise',
        ],
      },
      {
        name: 'Sikkerhetsopplæring',
        sku: 'SAT',
        kind: 'license',
        prices: [19, 59],
        products: ['Phishing-simulering (per bruker)', 'KnowBe4 Security Awareness Training Silver', 'KnowBe4 Security Awareness Training Gold', 'Sikkerhetskurs for ansatte'],
      },
    ],
  },
  {
    name: 'Backup og gjenoppretting',
    children: [
      {
        name: 'Microsoft 365-backup',
        sku: 'BU365',
        kind: 'license',
        prices: [19, 49],
        products: [
          'Dropsuite Microsoft 365 Backup',
          'Acronis Cyber Protect Cloud, Microsoft 365',
          'Veeam Backup for Microsoft 365',
          'Hornetsecurity 365 Total Backup',
          'Keepit for Microsoft 365',
        ],
      },
      {
        name: 'Server-backup',
        sku: 'BUSRV',
        kind: 'license',
        prices: [89, 690],
        products: [
          'Acronis Cyber Protect Cloud, arbeidsstasjon',
          'Veeam Agent for Windows Server',
          'Backup av virtuell maskin',
          'Acronis Cyber Protect Cloud, server',
          'Veeam Data Platform Foundation (per instans)',
        ],
      },
      {
        name: 'Skylagring',
        sku: 'STOR',
        kind: 'service',
        prices: [199, 3490],
        products: ['Backuplagring 1 TB, Oslo', 'Geo-redundant kopi (per TB)', 'Immutable lagring 1 TB', 'Backuplagring 5 TB, Oslo', 'Backuplagring 10 TB, Oslo'],
      },
    ],
  },
  {
    name: 'Drift og support',
    children: [
      {
        name: 'Supportavtaler',
        children: [
          {
            name: 'Brukersupport',
            sku: 'SUP',
            kind: 'service',
            prices: [249, 8900],
            products: [
              'Supportavtale Basis (per bruker)',
              'Supportavtale Pluss (per bruker)',
              'Supportavtale Premium (per bruker)',
              'Utvidet åpningstid 07–22',
              'Vaktordning 24/7',
            ],
            listPrices: [249, 399, 599, 4900, 8900],
          },
          {
            name: 'Serverdrift',
            sku: 'OPS',
            kind: 'service',
            prices: [390, 2490],
            products: [
              'Patching og oppdatering (per server)',
              'Drift av Microsoft 365-tenant',
              'Serverdrift, virtuell server',
              'Azure-drift (per abonnement)',
              'Serverdrift, fysisk server',
            ],
          },
        ],
      },
      {
        name: 'Overvåking',
        sku: 'MON',
        kind: 'service',
        prices: [49, 1990],
        products: ['Overvåking av nettverksenhet', 'Mørk nett-overvåking (per domene)', 'Overvåking av server', 'Sårbarhetsskanning, månedlig', 'SIEM-logging (per 10 GB)'],
      },
      {
        name: 'Timebank',
        sku: 'HRS',
        kind: 'one-off',
        prices: [1250, 55000],
        products: ['Konsulenttime', 'Konsulenttime utenfor arbeidstid', 'Timebank 10 timer', 'Timebank 25 timer', 'Timebank 50 timer'],
        listPrices: [1250, 1875, 11900, 28900, 55000],
      },
      {
        name: 'Onboarding og prosjekter',
        sku: 'PRJ',
        kind: 'one-off',
        prices: [390, 24900],
        products: [
          'Offboarding av bruker',
          'Onboarding av ny bruker',
          'Intune-utrulling (per enhet)',
          'Migrering til Microsoft 365 (per bruker)',
          'IT-sikkerhetsgjennomgang',
          'Kontorflytting, fastpris',
        ],
        listPrices: [690, 990, 390, 1290, 14900, 24900],
      },
    ],
  },
  {
    name: 'Maskinvare',
    children: [
      {
        name: 'PC-er',
        children: [
          {
            name: 'Bærbare PC-er',
            sku: 'NB',
            kind: 'hardware',
            prices: [8490, 27990],
            products: [
              'Lenovo ThinkPad E14 Gen 5',
              'HP ProBook 450 G10',
              'Dell Latitude 5440',
              'Microsoft Surface Laptop 5',
              'Microsoft Surface Pro 9',
              'Lenovo ThinkPad T14 Gen 4',
              'HP EliteBook 840 G10',
              'Dell Latitude 7440',
              'Apple MacBook Air 13" M3',
              'Lenovo ThinkPad X1 Carbon Gen 11',
              'Apple MacBook Pro 14" M3 Pro',
            ],
          },
          {
            name: 'Stasjonære PC-er',
            sku: 'PC',
            kind: 'hardware',
            prices: [6990, 12990],
            products: ['Apple Mac mini M2', 'Lenovo ThinkCentre M70q Tiny', 'Dell OptiPlex 7010 Micro', 'HP Elite Mini 800 G9', 'Lenovo ThinkCentre M90q Tiny'],
          },
        ],
      },
      {
        name: 'Skjermer',
        sku: 'DSP',
        kind: 'hardware',
        prices: [2290, 6990],
        products: ['Lenovo ThinkVision T24i-30', 'Dell P2423D 24"', 'HP E27 G5 27"', 'Dell UltraSharp U2724D 27"', 'Samsung ViewFinity S6 32"', 'LG 34WN80C-B UltraWide'],
      },
      {
        name: 'Nettverk',
        children: [
          {
            name: 'Svitsjer',
            sku: 'NSW',
            kind: 'hardware',
            prices: [490, 21900],
            products: [
              'Netgear GS308 8-port',
              'Ubiquiti UniFi Switch Lite 8 PoE',
              'Aruba Instant On 1930 24G PoE',
              'Ubiquiti UniFi Switch Pro 24 PoE',
              'Cisco Catalyst 1000-24P',
              'HPE Aruba CX 6100 48G',
            ],
          },
          {
            name: 'Trådløst',
            sku: 'AP',
            kind: 'hardware',
            prices: [1190, 11900],
            products: ['Ubiquiti UniFi U6 Lite', 'Aruba Instant On AP22', 'Ubiquiti UniFi U6 Pro', 'Ubiquiti UniFi U7 Pro', 'Cisco Meraki MR36', 'Cisco Meraki MR46'],
          },
          {
            name: 'Rutere',
            sku: 'RT',
            kind: 'hardware',
            prices: [790, 9900],
            products: ['MikroTik hEX S', 'Ubiquiti UniFi Cloud Gateway Ultra', 'Zyxel NR5103E 5G-ruter', 'Ubiquiti UniFi Dream Machine Pro', 'Cisco Meraki MX67'],
          },
        ],
      },
      {
        name: 'Tilbehør',
        children: [
          {
            name: 'Dokkingstasjoner',
            sku: 'DOCK',
            kind: 'hardware',
            prices: [1890, 4490],
            products: ['Dell WD19S', 'HP USB-C Dock G5', 'Lenovo ThinkPad Universal USB-C Dock', 'Dell Thunderbolt Dock WD22TB4', 'CalDigit TS4'],
          },
          {
            name: 'Tastatur og mus',
            sku: 'KBM',
            kind: 'hardware',
            prices: [290, 1490],
            products: [
              'Logitech MK295 Silent (nordisk)',
              'Microsoft Bluetooth Ergonomic Mouse',
              'Lenovo Professional trådløst tastatur og mus',
              'Logitech MX Master 3S',
              'Logitech MX Keys S (nordisk)',
            ],
          },
          {
            name: 'Headset',
            sku: 'HS',
            kind: 'hardware',
            prices: [1190, 4990],
            products: ['Jabra Evolve2 40 SE', 'EPOS ADAPT 660', 'Jabra Evolve2 65', 'Poly Voyager Focus 2', 'Jabra Evolve2 85'],
          },
        ],
      },
      {
        name: 'Servere og lagring',
        sku: 'SRV',
        kind: 'hardware',
        prices: [7990, 79900],
        products: [
          'APC Smart-UPS 1500VA',
          'Synology DiskStation DS923+',
          'Dell PowerEdge T160',
          'HPE ProLiant ML30 Gen11',
          'Synology RackStation RS1221+',
          'Dell PowerEdge R660xs',
          'HPE ProLiant DL360 Gen11',
        ],
      },
      {
        name: 'Mobiltelefoner',
        sku: 'MOB',
        kind: 'hardware',
        prices: [4990, 15990],
        products: ['Google Pixel 8a', 'Samsung Galaxy A55', 'Apple iPhone 15 128 GB', 'Samsung Galaxy S24 128 GB', 'Apple iPhone 15 Pro 256 GB'],
      },
    ],
  },
  {
    name: 'Telefoni og møterom',
    children: [
      {
        name: 'Teams-telefoni',
        sku: 'TEL',
        kind: 'service',
        prices: [49, 690],
        products: ['Nummerportering', 'Operator Connect, fri bruk', 'Teams-telefoni bruker (inkl. nummer)', 'Teams-sentralbord', 'Kø og svargrupper'],
      },
      {
        name: 'Mobilabonnement',
        sku: 'SIM',
        kind: 'service',
        prices: [99, 599],
        products: ['Ekstra SIM (tvilling)', 'Bedrift Fri 10 GB', 'Bedrift Fri 30 GB', 'Mobilt bredbånd 100 GB', 'Bedrift Fri ubegrenset'],
      },
      {
        name: 'Møterom',
        sku: 'ROOM',
        kind: 'hardware',
        prices: [3490, 39900],
        products: ['Logitech Tap IP', 'Yealink MeetingBar A20', 'Jabra PanaCast 50', 'Logitech Rally Bar Mini', 'Poly Studio X30'],
      },
    ],
  },
];

/** A root with no children of its own: products also sold elsewhere, as campaign pages are. */
const CAMPAIGN = 'Kampanjer';
const CAMPAIGN_SIZE = 12;
/** Share of products not yet placed in a category, so adding has something to add. */
const UNPLACED_SHARE = 0.08;

/** The demo tenant's default id. */
export const ZAVEIT_DEMO_TENANT = 'c3f5a9e2-7b41-4d8e-9f20-5a6b1c0d4e73';

/**
 * A Norwegian MSP's shop: 8 roots, 46 categories up to three levels deep, 208 products in NOK.
 * Everything, ids included, comes from one seed, so every start gives the same catalog.
 */
export function seedZaveitDemoCatalog(catalog: ZaveitCatalog, tenant = ZAVEIT_DEMO_TENANT): void {
  const random = seededRandom(0x2a7e17);
  const newId = () => uuid(random);
  const distributors = ['Nordisk IT-distribusjon AS', 'Fjordnett Distribusjon AS', 'Polar Cloud Supply AS'].map((name): ZaveitDistributor => ({
    _id: newId(),
    name,
    tenant,
    active: true,
    created: '2024-01-08T09:12:44.120Z',
    updated: '2024-01-08T09:12:44.120Z',
  }));
  const placed: string[] = [];

  const seedLeaf = (leaf: Leaf, categoryId: string) => {
    const ids = leaf.products.map((name, index) => {
      const product = buildProduct(productSpec(leaf, name, index, tenant, random, distributors), newId);
      return catalog.addProduct(product);
    });
    const shown = ids.filter(() => random() >= UNPLACED_SHARE);
    if (shown.length > 0) catalog.addProducts(tenant, categoryId, shown);
    placed.push(...shown);
  };
  const seedNode = (node: Branch | Leaf, parent: string | null) => {
    const categoryId = catalog.addCategory({ tenant, name: node.name, parent, _id: newId() });
    if ('children' in node) node.children.forEach((child) => seedNode(child, categoryId));
    else seedLeaf(node, categoryId);
  };
  TREE.forEach((root) => seedNode(root, null));

  const campaignId = catalog.addCategory({ tenant, name: CAMPAIGN, parent: null, _id: newId() });
  const picks = new Set<string>();
  while (picks.size < CAMPAIGN_SIZE) picks.add(placed[Math.floor(random() * placed.length)]);
  catalog.addProducts(tenant, campaignId, [...picks]);
}

function productSpec(leaf: Leaf, name: string, index: number, tenant: string, random: () => number, distributors: ZaveitDistributor[]): ProductSpec {
  const [low, high] = leaf.prices;
  const share = leaf.products.length > 1 ? index / (leaf.products.length - 1) : 0;
  // A geometric curve: price steps between editions grow with the price, as they do in real price lists.
  const price = leaf.listPrices?.[index] ?? shopPrice(low * (high / low) ** share * (0.95 + random() * 0.1));
  const created = new Date(Date.UTC(2024, 0, 15) + Math.floor(random() * 500) * 86_400_000 + Math.floor(random() * 86_400_000));
  const updated = new Date(created.getTime() + Math.floor(random() * 90 * 86_400_000));
  const sku = `${leaf.sku}-${String(1001 + index)}`;
  const resold = leaf.kind === 'microsoft' || leaf.kind === 'license' || leaf.kind === 'hardware';
  return {
    tenant,
    name,
    sku,
    price,
    monthlyPrice: leaf.kind === 'microsoft' ? shopPrice(price * 1.2) : undefined,
    subscription: leaf.kind !== 'hardware' && leaf.kind !== 'one-off',
    stock: leaf.kind === 'hardware' ? (random() < 0.2 ? 0 : Math.floor(random() * 60) + 1) : undefined,
    description: `${name}. ${UNIT[leaf.kind]}`,
    distributor: resold ? distributors[Math.floor(random() * distributors.length)] : undefined,
    managementLink: leaf.kind === 'microsoft' ? { title: 'Microsoft 365 admin center', url: 'https://admin.microsoft.com' } : undefined,
    shopEnabled: random() >= 0.05,
    media: [`https://cdn.example.com/categraph-demo/zaveit/${sku.toLowerCase()}.jpg`],
    created: created.toISOString(),
    updated: updated.toISOString(),
  };
}

/** Norwegian shelf prices: 23, 249, 1 290, 12 490. */
function shopPrice(nok: number): number {
  if (nok < 100) return Math.round(nok);
  if (nok < 1000) return Math.round(nok / 10) * 10 - 1;
  return Math.round(nok / 100) * 100 - 10;
}

/** A version-4-shaped uuid drawn from the seeded generator. */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
