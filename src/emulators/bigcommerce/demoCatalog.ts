import { seededRandom } from '../kit';
import type { BigCommerceCatalog } from './catalog';

type Department = [name: string, sortOrder: number, groups: Array<[string, string[]]>];

/** The storefront's departments, their sort_order among the roots, and their groups of leaves. */
const DEPARTMENTS: Department[] = [
  [
    'Kitchen',
    1,
    [
      ['Cookware', ['Frying Pans', 'Saucepans', 'Dutch Ovens', 'Bakeware']],
      ['Tableware', ['Plates', 'Bowls', 'Glasses', 'Cutlery']],
      ['Storage', ['Jars', 'Canisters', 'Lunch Boxes']],
      ['Appliances', ['Kettles', 'Toasters', 'Blenders', 'Coffee Makers']],
      ['Kitchen Textiles', ['Tea Towels', 'Aprons', 'Oven Mitts']],
    ],
  ],
  [
    'Garden',
    2,
    [
      ['Planters', ['Terracotta Pots', 'Ceramic Pots', 'Hanging Baskets']],
      ['Tools', ['Trowels', 'Pruners', 'Rakes', 'Watering Cans']],
      ['Seeds', ['Herb Seeds', 'Vegetable Seeds', 'Flower Seeds']],
      ['Garden Furniture', ['Benches', 'Chairs', 'Tables']],
    ],
  ],
  [
    'Bath',
    3,
    [
      ['Towels', ['Bath Towels', 'Hand Towels', 'Bath Mats']],
      ['Soaps', ['Bar Soaps', 'Liquid Soaps', 'Bath Salts']],
      ['Bath Accessories', ['Soap Dishes', 'Toothbrush Holders', 'Shower Caddies']],
    ],
  ],
  [
    'Publications',
    4,
    [
      ['Cookbooks', ['Baking Books', 'Vegetarian Books', 'World Cuisine Books']],
      ['Magazines', ['Home Magazines', 'Garden Magazines']],
      ['Journals', ['Lined Journals', 'Dotted Journals', 'Recipe Journals']],
    ],
  ],
  [
    'Utility',
    5,
    [
      ['Cleaning', ['Brushes', 'Cloths', 'Sprays']],
      ['Laundry', ['Baskets', 'Pegs', 'Drying Racks']],
      ['Organisation', ['Hooks', 'Shelves', 'Bins']],
    ],
  ],
  [
    'Outdoor Living',
    6,
    [
      ['Lighting', ['Lanterns', 'String Lights', 'Solar Lights']],
      ['Outdoor Dining', ['Picnic Sets', 'Grills', 'Coolers']],
    ],
  ],
];
const STYLES = ['Classic', 'Modern', 'Rustic', 'Nordic'];

/**
 * The demo store (docs/platforms/bigcommerce.md): tree `treeId` holds six departments, their 20 groups and 63
 * leaves, a "Shop All" root created last but sorted first (sort_order 0) and a hidden "Clearance" root: 92
 * categories, so the flat listing takes two pages of 50. Products: four a leaf, two in Clearance (254), plus
 * "Shop All" holding forty of them. Odd leaves have a numbered product order, even ones none (all null), and
 * "Shop All" a mix. A second tree (`treeId + 1`, another channel) holds three categories.
 */
export function seedBigCommerceDemoCatalog(catalog: BigCommerceCatalog, treeId: number): void {
  const random = seededRandom(20240301);
  const price = () => Math.round((4 + random() * 120) * 100) / 100;
  catalog.addTree({ id: treeId, name: 'Default storefront', channels: [1] });
  let sku = 1000;
  const product = (name: string) => catalog.addProduct({ name, sku: `BC-${sku++}`, price: price(), isVisible: true }).id;
  const create = (item: Record<string, unknown>) => {
    const result = catalog.createCategories([item]);
    if (result.applied.length !== 1) throw new Error(`Demo category not created: ${JSON.stringify(result.errors)}`);
    return result.applied[0].id;
  };

  let leafIndex = 0;
  const everyProduct: number[] = [];
  for (const [department, sortOrder, groups] of DEPARTMENTS) {
    const departmentId = create({ name: department, tree_id: treeId, parent_id: 0, sort_order: sortOrder, description: `<p>${department} for every home.</p>` });
    groups.forEach(([group, leaves], groupIndex) => {
      // Groups are sorted in reverse of creation, so the tree's order is not the id order.
      const groupId = create({ name: group, parent_id: departmentId, sort_order: (groups.length - groupIndex) * 10 });
      const featured: number[] = [];
      for (const leaf of leaves) {
        const leafId = create({ name: leaf, parent_id: groupId });
        const singular = leaf.replace(/(es|s)$/, '');
        const productIds = STYLES.map((style) => product(`${style} ${singular}`));
        catalog.assign(productIds.map((product_id) => ({ product_id, category_id: leafId })));
        if (leafIndex % 2 === 1) {
          const shuffled = [...productIds];
          for (let i = shuffled.length - 1; i > 0; i -= 1) {
            const j = Math.floor(random() * (i + 1));
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          catalog.setSortOrder(
            leafId,
            shuffled.map((product_id, index) => ({ product_id, sort_order: index })),
          );
        }
        featured.push(productIds[0]);
        everyProduct.push(...productIds);
        leafIndex += 1;
      }
      catalog.assign(featured.map((product_id) => ({ product_id, category_id: groupId })));
    });
  }

  const clearance = create({ name: 'Clearance', tree_id: treeId, parent_id: 0, sort_order: 9, is_visible: false });
  catalog.assign([product('Last Season Tote Bag'), product('Discontinued Mug')].map((product_id) => ({ product_id, category_id: clearance })));

  const shopAll = create({ name: 'Shop All', tree_id: treeId, parent_id: 0, sort_order: 0 });
  const picked = everyProduct.filter((_, index) => index % 6 === 0).slice(0, 40);
  catalog.assign(picked.map((product_id) => ({ product_id, category_id: shopAll })));
  catalog.setSortOrder(
    shopAll,
    picked.slice(0, 20).map((product_id, index) => ({ product_id, sort_order: (20 - index) * 5 })),
  );

  const wholesale = catalog.addTree({ id: treeId + 1, name: 'Wholesale storefront', channels: [2] });
  const bulk = create({ name: 'Bulk Buys', tree_id: wholesale.id, parent_id: 0 });
  create({ name: 'Kitchen Bulk', parent_id: bulk });
  create({ name: 'Cleaning Bulk', parent_id: bulk });
}
