import { seededRandom } from '../kit';
import type { EcwidCatalog } from './catalog';

/** 20 departments of 10 subcategories each: the 1 + 20 + 200 storefront tree the benchmarks read. */
const DEPARTMENTS: Array<[string, string[]]> = [
  ['Fruit', ['Apples', 'Pears', 'Oranges', 'Grapes', 'Berries']],
  ['Vegetables', ['Carrots', 'Tomatoes', 'Potatoes', 'Peppers', 'Onions']],
  ['Bakery', ['Sourdough Loaf', 'Baguette', 'Croissants', 'Rye Bread', 'Bagels']],
  ['Dairy', ['Whole Milk', 'Greek Yogurt', 'Butter', 'Cheddar', 'Cream']],
  ['Meat', ['Chicken Breast', 'Beef Mince', 'Pork Chops', 'Lamb Shoulder', 'Sausages']],
  ['Seafood', ['Salmon Fillet', 'Cod Loin', 'Prawns', 'Mussels', 'Tuna Steak']],
  ['Pantry', ['Olive Oil', 'Basmati Rice', 'Penne Pasta', 'Chickpeas', 'Flour']],
  ['Snacks', ['Sea Salt Crisps', 'Trail Mix', 'Dark Chocolate', 'Rice Cakes', 'Pretzels']],
  ['Beverages', ['Sparkling Water', 'Orange Juice', 'Cold Brew', 'Green Tea', 'Lemonade']],
  ['Frozen', ['Frozen Peas', 'Ice Cream', 'Fish Fingers', 'Pizza', 'Berries Mix']],
  ['Breakfast', ['Granola', 'Porridge Oats', 'Pancake Mix', 'Maple Syrup', 'Muesli']],
  ['Spices', ['Black Pepper', 'Paprika', 'Cumin', 'Cinnamon', 'Chili Flakes']],
  ['Baby', ['Baby Puree', 'Rusks', 'Formula', 'Wipes', 'Rice Cereal']],
  ['Pet Food', ['Dry Dog Food', 'Cat Pouches', 'Dog Treats', 'Cat Litter', 'Bird Seed']],
  ['Household', ['Dish Soap', 'Laundry Pods', 'Paper Towels', 'Sponges', 'Bin Bags']],
  ['Personal Care', ['Shampoo', 'Toothpaste', 'Hand Soap', 'Deodorant', 'Body Lotion']],
  ['Wine', ['Rioja', 'Pinot Noir', 'Sauvignon Blanc', 'Prosecco', 'Malbec']],
  ['Deli', ['Prosciutto', 'Hummus', 'Olives', 'Pesto', 'Salami']],
  ['World Foods', ['Miso Paste', 'Coconut Milk', 'Tortillas', 'Soy Sauce', 'Curry Paste']],
  ['Health Foods', ['Chia Seeds', 'Protein Bar', 'Almond Butter', 'Quinoa', 'Kombucha']],
];
const FACETS = ['Organic', 'Local', 'Imported', 'Value', 'Seasonal', 'Premium', 'Family Size', 'Gift Boxes', 'Bulk', 'New Arrivals'];
const HOME: Array<[string, string[]]> = [
  ['Cookware', ['Pans', 'Pots', 'Bakeware']],
  ['Tableware', ['Plates', 'Glasses', 'Cutlery']],
  ['Storage', ['Jars', 'Boxes', 'Bags']],
  ['Textiles', ['Towels', 'Aprons', 'Napkins']],
  ['Appliances', ['Kettles', 'Toasters', 'Blenders']],
];

/**
 * The Ecwid demo store: a Grocery root with the 1 + 20 + 200 tree, a Home & Kitchen root, a Gifts root
 * and a hidden Clearance root (248 categories, so listing all takes three pages), and 430 products.
 */
export function seedEcwidDemoCatalog(catalog: EcwidCatalog): void {
  const random = seededRandom(4870020);
  const price = () => Math.round((0.5 + random() * 30) * 100) / 100;
  let sku = 1000;
  const product = (name: string) => catalog.addProduct({ sku: `SKU-${sku++}`, name, price: price(), enabled: true }).id;

  const grocery = catalog.create({ name: 'Grocery', description: '<p>Fresh food, delivered.</p>' });
  for (const [department, items] of DEPARTMENTS) {
    const departmentId = catalog.create({ name: department, parentId: grocery });
    FACETS.forEach((facet, index) => {
      const leaf = catalog.create({ name: `${facet} ${department}`, parentId: departmentId });
      // Two products a leaf, named from the department's staples.
      const productIds = [0, 1].map((n) => product(`${facet} ${items[(index + n) % items.length]}`));
      catalog.assign(leaf, productIds);
      catalog.assign(departmentId, productIds.slice(0, 1));
    });
  }

  const home = catalog.create({ name: 'Home & Kitchen' });
  for (const [group, kinds] of HOME) {
    const groupId = catalog.create({ name: group, parentId: home });
    for (const kind of kinds) {
      const leaf = catalog.create({ name: kind, parentId: groupId });
      catalog.assign(
        leaf,
        [1, 2].map((n) => product(`${kind.replace(/s$/, '')} Set No. ${n}`)),
      );
    }
  }

  const gifts = catalog.create({ name: 'Gifts' });
  for (const occasion of ['Birthday', 'Thank You', 'Holiday', 'Corporate']) {
    const leaf = catalog.create({ name: `${occasion} Hampers`, parentId: gifts });
    catalog.assign(leaf, [product(`${occasion} Hamper Small`), product(`${occasion} Hamper Large`)]);
  }

  const clearance = catalog.create({ name: 'Clearance', enabled: false });
  catalog.assign(clearance, [product('Last Season Tote Bag'), product('Discontinued Mug')]);
}
