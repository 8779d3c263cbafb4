import { seededRandom } from '../kit';
import { CategoryFields, ROOT_CATEGORY_ID, SfccCatalog } from './catalog';

/** The subtree benchmarks walk: exactly 20 departments of exactly 10 leaves each. */
export const STOREFRONT_CATEGORY_ID = 'storefront';
/** A leaf under root with more assignments (250) than one search page (200) holds. */
export const NEW_ARRIVALS_CATEGORY_ID = 'new-arrivals';

/** Each department with its 10 subcategories as `Subcategory:item its products are named after`. */
const DEPARTMENTS: Array<[string, string[]]> = [
  [
    'Womens Clothing',
    [
      'Dresses:Wrap Dress',
      'Tops:Boxy Tee',
      'Blouses:Linen Blouse',
      'Knitwear:Cardigan',
      'Skirts:Midi Skirt',
      'Trousers:Wide-Leg Trouser',
      'Jeans:Straight Jean',
      'Jackets:Cropped Jacket',
      'Coats:Wool Coat',
      'Loungewear:Lounge Set',
    ],
  ],
  [
    'Mens Clothing',
    [
      'Shirts:Oxford Shirt',
      'T-Shirts:Crew Tee',
      'Polos:Pique Polo',
      'Sweaters:Merino Sweater',
      'Trousers:Chino',
      'Jeans:Slim Jean',
      'Shorts:Chino Short',
      'Jackets:Field Jacket',
      'Suits:Suit Jacket',
      'Loungewear:Jogger',
    ],
  ],
  [
    'Kids',
    [
      'Baby:Romper',
      'Toddler:Dungaree',
      'Girls Tops:Frill Tee',
      'Girls Dresses:Smock Dress',
      'Boys Tops:Hoodie',
      'Boys Bottoms:Cargo Pant',
      'School Uniform:School Polo',
      'Pyjamas:Pyjama Set',
      'Outerwear:Puffer Jacket',
      'Shoes:Velcro Sneaker',
    ],
  ],
  [
    'Shoes',
    [
      'Sneakers:Leather Sneaker',
      'Boots:Chelsea Boot',
      'Sandals:Slide Sandal',
      'Loafers:Penny Loafer',
      'Heels:Block Heel Pump',
      'Flats:Ballet Flat',
      'Slippers:Suede Slipper',
      'Running:Road Runner',
      'Hiking:Trail Boot',
      'Shoe Care:Shoe Care Kit',
    ],
  ],
  [
    'Accessories',
    [
      'Hats:Wool Beanie',
      'Scarves:Silk Scarf',
      'Gloves:Knit Gloves',
      'Belts:Leather Belt',
      'Sunglasses:Aviator Sunglasses',
      'Watches:Field Watch',
      'Wallets:Card Wallet',
      'Ties:Silk Tie',
      'Umbrellas:Compact Umbrella',
      'Hair Accessories:Claw Clip',
    ],
  ],
  [
    'Jewelry',
    [
      'Necklaces:Pendant Necklace',
      'Earrings:Hoop Earrings',
      'Rings:Stacking Ring',
      'Bracelets:Cuff Bracelet',
      'Anklets:Chain Anklet',
      'Brooches:Enamel Brooch',
      'Charms:Initial Charm',
      'Jewelry Sets:Gift Set',
      'Mens Jewelry:Signet Ring',
      'Jewelry Boxes:Travel Jewelry Case',
    ],
  ],
  [
    'Bags',
    [
      'Totes:Canvas Tote',
      'Backpacks:Roll-Top Backpack',
      'Crossbody Bags:Crossbody Bag',
      'Clutches:Evening Clutch',
      'Shoulder Bags:Hobo Bag',
      'Duffels:Weekender Duffel',
      'Laptop Bags:Laptop Sleeve',
      'Belt Bags:Belt Bag',
      'Luggage:Carry-On Suitcase',
      'Travel Accessories:Packing Cube Set',
    ],
  ],
  [
    'Activewear',
    [
      'Leggings:Seamless Legging',
      'Sports Bras:Sports Bra',
      'Training Tops:Training Tee',
      'Shorts:Running Short',
      'Tracksuits:Track Jacket',
      'Yoga:Yoga Mat',
      'Running:Running Vest',
      'Cycling:Cycling Jersey',
      'Swim Training:Training Swimsuit',
      'Gym Accessories:Water Bottle',
    ],
  ],
  [
    'Outerwear',
    [
      'Parkas:Down Parka',
      'Puffers:Packable Puffer',
      'Raincoats:Rain Shell',
      'Trench Coats:Trench Coat',
      'Wool Coats:Overcoat',
      'Blazers:Unstructured Blazer',
      'Vests:Quilted Vest',
      'Fleece:Fleece Pullover',
      'Ski Jackets:Ski Jacket',
      'Windbreakers:Windbreaker',
    ],
  ],
  [
    'Swimwear',
    [
      'One-Pieces:One-Piece Swimsuit',
      'Bikinis:Bikini Top',
      'Swim Shorts:Swim Short',
      'Rash Guards:Rash Guard',
      'Cover-Ups:Kaftan',
      'Kids Swim:Kids Swimsuit',
      'Beach Towels:Beach Towel',
      'Beach Bags:Straw Beach Bag',
      'Swim Caps:Silicone Swim Cap',
      'Goggles:Swim Goggles',
    ],
  ],
  [
    'Sleepwear',
    [
      'Pyjamas:Flannel Pyjama Set',
      'Nightgowns:Cotton Nightgown',
      'Robes:Waffle Robe',
      'Slippers:Shearling Slipper',
      'Sleep Masks:Satin Sleep Mask',
      'Loungewear Sets:Lounge Set',
      'Mens Sleepwear:Pyjama Short',
      'Kids Sleepwear:Kids Pyjama Set',
      'Socks:Cozy Socks',
      'Bedtime Gifts:Pillow Mist Gift Set',
    ],
  ],
  [
    'Bedding',
    [
      'Duvet Covers:Percale Duvet Cover',
      'Sheets:Sateen Sheet Set',
      'Pillowcases:Linen Pillowcase Pair',
      'Quilts:Cotton Quilt',
      'Blankets:Waffle Blanket',
      'Throws:Wool Throw',
      'Pillows:Down Pillow',
      'Duvets:All-Season Duvet',
      'Mattress Toppers:Memory Foam Topper',
      'Kids Bedding:Kids Duvet Set',
    ],
  ],
  [
    'Bath',
    [
      'Towels:Turkish Bath Towel',
      'Bath Mats:Bath Mat',
      'Shower Curtains:Waffle Shower Curtain',
      'Bathrobes:Terry Bathrobe',
      'Bath Accessories:Bamboo Caddy',
      'Soap Dispensers:Ceramic Soap Dispenser',
      'Bathroom Storage:Rattan Bathroom Basket',
      'Scales:Digital Scale',
      'Bathroom Mirrors:Round Bathroom Mirror',
      'Spa Gifts:Bath Salts Gift Set',
    ],
  ],
  [
    'Kitchen',
    [
      'Cookware:Cast Iron Skillet',
      'Bakeware:Loaf Pan',
      'Knives:Chef Knife',
      'Utensils:Olive Wood Spoon Set',
      'Small Appliances:Electric Kettle',
      'Food Storage:Glass Storage Set',
      'Coffee & Tea:Pour-Over Coffee Set',
      'Cutting Boards:Walnut Cutting Board',
      'Kitchen Linens:Tea Towel Set',
      'Gadgets:Herb Scissors',
    ],
  ],
  [
    'Dining',
    [
      'Dinnerware:Stoneware Dinner Plate',
      'Flatware:Flatware Set',
      'Glassware:Wine Glass Pair',
      'Serveware:Serving Bowl',
      'Table Linens:Linen Tablecloth',
      'Mugs:Ceramic Mug',
      'Bar Tools:Cocktail Shaker',
      'Placemats:Woven Placemat Set',
      'Napkins:Linen Napkin Set',
      'Candleholders:Brass Candleholder',
    ],
  ],
  [
    'Decor',
    [
      'Vases:Ceramic Vase',
      'Wall Art:Framed Print',
      'Mirrors:Round Wall Mirror',
      'Clocks:Wall Clock',
      'Candles:Scented Candle',
      'Picture Frames:Oak Picture Frame',
      'Plants:Faux Olive Tree',
      'Baskets:Woven Basket',
      'Cushions:Linen Cushion Cover',
      'Seasonal Decor:Wreath',
    ],
  ],
  [
    'Furniture',
    [
      'Sofas:Three-Seat Sofa',
      'Armchairs:Accent Armchair',
      'Coffee Tables:Oak Coffee Table',
      'Dining Tables:Extending Dining Table',
      'Dining Chairs:Bentwood Dining Chair',
      'Beds:Upholstered Bed',
      'Dressers:Six-Drawer Dresser',
      'Desks:Writing Desk',
      'Shelving:Bookcase',
      'Outdoor Furniture:Bistro Set',
    ],
  ],
  [
    'Lighting',
    [
      'Ceiling Lights:Flush Ceiling Light',
      'Pendants:Rattan Pendant',
      'Floor Lamps:Arc Floor Lamp',
      'Table Lamps:Ceramic Table Lamp',
      'Desk Lamps:Task Lamp',
      'Wall Lights:Brass Wall Sconce',
      'Outdoor Lighting:Solar Lantern',
      'String Lights:LED String Lights',
      'Bulbs:Filament Bulb',
      'Lamp Shades:Linen Lamp Shade',
    ],
  ],
  [
    'Storage',
    [
      'Baskets:Storage Basket',
      'Boxes:Lidded Box',
      'Closet Organizers:Hanging Organizer',
      'Hooks:Wall Hook Rail',
      'Shelves:Floating Shelf',
      'Laundry:Laundry Hamper',
      'Drawer Organizers:Drawer Divider Set',
      'Garage Storage:Utility Shelf',
      'Kids Storage:Toy Chest',
      'Shoe Storage:Shoe Rack',
    ],
  ],
  [
    'Outdoor Living',
    [
      'Patio Furniture:Teak Lounge Chair',
      'Grills:Charcoal Grill',
      'Planters:Terracotta Planter',
      'Outdoor Rugs:Outdoor Rug',
      'Garden Tools:Pruning Shears',
      'Outdoor Cushions:Outdoor Seat Cushion',
      'Fire Pits:Fire Pit',
      'Hammocks:Rope Hammock',
      'Patio Umbrellas:Patio Umbrella',
      'Outdoor Dining:Melamine Picnic Set',
    ],
  ],
];

const STYLES = ['Classic', 'Everyday', 'Heritage', 'Essential', 'Modern', 'Signature', 'Organic', 'Relaxed', 'Premium', 'Studio'];
const COLORS = ['Black', 'Navy', 'Ivory', 'Sage', 'Charcoal', 'Rust', 'Oat', 'Slate', 'Olive', 'Blush'];

const PRODUCTS_PER_DEPARTMENT = 24;
/** Products that exist but sit in no category yet, for assign tests. */
const UNASSIGNED_PRODUCTS = 20;
const NEW_ARRIVALS = 250;
/** Share of assignments made without a position (they list after the positioned ones). */
const UNPOSITIONED_SHARE = 0.08;
/** A position past the end clamps to n+1: an append. */
const APPEND = Number.MAX_SAFE_INTEGER;
const DEMO_DATE = '2023-03-01T09:00:00.000Z';

/**
 * The demo store: root → storefront (20 departments × 10 leaves), and the leaves new-arrivals, sale, gift-ideas
 * and an offline, empty holiday-shop; 500 products P-10001…P-10500, the last 20 unassigned. The same on every start.
 */
export function buildDemoCatalog(catalogId: string): SfccCatalog {
  let seeding = true;
  const catalog = new SfccCatalog(catalogId, { clock: () => (seeding ? new Date(DEMO_DATE) : new Date()) });
  const random = seededRandom(2302);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const position = () => (random() < UNPOSITIONED_SHARE ? null : APPEND);
  const category = (id: string, name: string, parentId: string, index: number, extra: CategoryFields = {}) =>
    catalog.createCategory(id, { name: { default: name }, description: { default: `Shop ${name.toLowerCase()}.` }, parentId, position: index + 1, online: true, ...extra });

  category(STOREFRONT_CATEGORY_ID, 'Storefront', ROOT_CATEGORY_ID, 0);
  category(NEW_ARRIVALS_CATEGORY_ID, 'New Arrivals', ROOT_CATEGORY_ID, 1);
  category('sale', 'Sale', ROOT_CATEGORY_ID, 2);
  category('gift-ideas', 'Gift Ideas', ROOT_CATEGORY_ID, 3);
  category('holiday-shop', 'Holiday Shop', ROOT_CATEGORY_ID, 4, { online: false });

  let sku = 10000;
  const newProduct = (item: string) => catalog.addProduct(`P-${++sku}`, { default: `${pick(STYLES)} ${item}, ${pick(COLORS)}` });
  const assigned: string[] = [];
  const allItems: string[] = [];
  DEPARTMENTS.forEach(([name, subcategories], departmentIndex) => {
    const id = slug(name);
    const department = category(id, name, STOREFRONT_CATEGORY_ID, departmentIndex, { image: `categories/${id}.jpg`, thumbnail: `categories/${id}-thumb.jpg` });
    const leaves = subcategories.map((entry, index) => {
      const [sub, item] = entry.split(':');
      allItems.push(item);
      return { id: category(`${department.id}-${slug(sub)}`, sub, department.id, index).id, item };
    });
    for (let i = 0; i < PRODUCTS_PER_DEPARTMENT; i++) {
      const leaf = pick(leaves);
      const product = newProduct(leaf.item);
      catalog.putAssignment(leaf.id, product.id, position());
      assigned.push(product.id);
    }
  });
  for (let i = 0; i < UNASSIGNED_PRODUCTS; i++) newProduct(pick(allItems));

  for (const productId of assigned.slice(-NEW_ARRIVALS)) catalog.putAssignment(NEW_ARRIVALS_CATEGORY_ID, productId, position());
  for (const productId of assigned.filter(() => random() < 0.1)) catalog.putAssignment('sale', productId, position());
  for (const productId of assigned.filter(() => random() < 0.06)) catalog.putAssignment('gift-ideas', productId, position());

  seeding = false;
  return catalog;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
